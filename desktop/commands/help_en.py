"""English for the `jiafang` command line's help texts (shown with --lang en or an English LANG).

The Chinese text in each command module is the source; a text missing here stays Chinese (a test
checks that every help text of the parser has its English).
"""

from __future__ import annotations

HELP_EN: dict[str, str] = {
    "JiaFang 家访：家访记录、资助成长档案与覆盖统计（离线优先，本地加密）。": (
        "JiaFang: home-visit records, growth archives and coverage (offline-first, encrypted locally)."
    ),
    "命令行提示的语言（默认中文；环境变量 LANG 以 en 开头时为英文）": (
        "language of the command line's messages (Chinese by default; English when LANG starts with en)"
    ),
    "数据目录（默认：系统的用户数据目录；可用环境变量 JIAFANG_DATA_DIR 指定）": (
        "data folder (default: the user's data folder; or the environment variable JIAFANG_DATA_DIR)"
    ),
    "在数据目录中创建新的加密数据": "create a new encrypted store in the data folder",
    "记录数、数据结构版本、SQLCipher 版本、密钥保存方式": (
        "record counts, schema version, SQLCipher version, where the key is kept"
    ),
    "查找学生（姓名、拼音、首字母、学号、班级）": "find students (name, pinyin, initials, student no., class)",
    "更改密码（重新包装密钥，不重写数据库）": "change the passphrase (rewraps the key, keeps the database)",
    "立即做一次加密备份": "make an encrypted backup now",
    "从加密备份恢复（当前数据先另存为备份）": "restore an encrypted backup (the current data is backed up first)",
    "生成演示数据（新建加密数据目录）": "build demo data (a new encrypted data folder)",
    "打开桌面应用（默认）": "open the desktop app (the default)",
    "导出家访记录表、空白表、成长档案（PDF）": "visit forms, blank forms, growth archives (PDF)",
    "登录中心服务器并登记本机（密码取自 JIAFANG_PASSWORD 或提示输入）": (
        "log in to the center's server and register this laptop (password from JIAFANG_PASSWORD or asked)"
    ),
    "与中心同步：先推送本机修改，再拉取更新": "sync with the center: push this laptop's changes, then pull",
    "六个全覆盖统计（按学院、辅导员、班级）": "the six full coverages (by college, counselor, class)",
    "从 Excel/CSV 导入学生名单或认定结果": "import a roster or identification results from Excel/CSV",
    "导出名单、家访、资助、奖励或覆盖统计": "export the roster, visits, aid, rewards or coverage",
    "一个不失学关注名单（家庭经济困难学生的休学、退学、学业预警与心理/生活异常）": (
        "the no-dropout watch list (disadvantaged students on leave, withdrawn, failing, or with a "
        "psychological/life flag)"
    ),
    (
        "列出需要关注的家庭经济困难学生及原因：休学、退学或其申请，退学未经个案评议，最近学期不及格门数达到阈值，"
        "心理/生活异常反馈 30 天以上未解决；并列出免申即享学生认定 30 天后仍未录入资助的待办。"
        "学生发展支持中心看本机的全部学生，辅导员看自己的学生。"
    ): (
        "list the disadvantaged students to watch, with the reasons: on leave, withdrawn or applying, a "
        "withdrawal without a case review, failed courses in the latest term at the threshold, a "
        "psychological/life flag unresolved for 30 days or more; and the students identified without an "
        "application with no aid recorded 30 days after their identification. The centers see every student "
        "on this laptop, a counselor their own students."
    ),
    "只列一个学院（名称或代码）": "only one college (name or code)",
    "以 JSON 输出（不含身份证号、电话、住址）": "print JSON (no ID numbers, phones or addresses)",
    "检查本机安装：加密库、PDF 中文字体、系统钥匙串、界面翻译": (
        "check this installation: encryption, the PDF's Chinese font, the OS keyring, translations"
    ),
    "学校名称": "school name",
    "您的姓名": "your name",
    "不把密钥保存到系统钥匙串（只用密码解锁）": "do not keep the key in the OS keyring (unlock with the passphrase only)",
    "备份文件": "backup file",
    "在一个新的数据目录中生成确定性的合成演示数据：学校、学院、辅导员、育人导师、学生及其家庭、三个学年的认定、家访、资助、成长奖励、重点帮扶、心愿单和监测反馈。所有数据均为虚构。密码取自环境变量 JIAFANG_PASSPHRASE（如已设置），否则在终端输入。": (
        "Build deterministic synthetic demo data in a new data folder: school, colleges, counselors, mentors, "
        "students and their families, three academic years of identifications, visits, aid, growth rewards, "
        "key support, wish lists and monitoring flags. All of it is made up. The passphrase comes from "
        "JIAFANG_PASSPHRASE when set, otherwise it is asked on the terminal."
    ),
    "新数据目录（也可用全局选项 --data-dir）；目录中不能已有数据": (
        "new data folder (or the global option --data-dir); it must not hold data yet"
    ),
    "学生人数，例如 20000": "number of students, e.g. 20000",
    "随机种子（默认 2024）": "random seed (default 2024)",
    "数据截止日期 YYYY-MM-DD（默认今天；不能晚于今天）": "date the data ends YYYY-MM-DD (default today; not later)",
    "只从环境变量读取密码（默认变量 JIAFANG_PASSPHRASE），不在终端提示": (
        "read the passphrase from an environment variable only (default JIAFANG_PASSPHRASE), never ask"
    ),
    "打开 JiaFang 桌面应用。设置环境变量 JIAFANG_PASSPHRASE 时用它自动解锁（用于演示和脚本）。": (
        "Open the JiaFang desktop app. JIAFANG_PASSPHRASE, when set, unlocks it (for demos and scripts)."
    ),
    "一份家访记录表": "one visit form",
    "一名学生的资助成长档案": "one student's growth archive",
    "空白家访记录表（可预填学生基本信息）": "blank visit forms (optionally with the student's details filled in)",
    "批量导出一个学院 / 班级 / 辅导员的家访记录或成长档案": (
        "batch export of a college's, class's or counselor's visit forms or growth archives"
    ),
    "显示 PDF 使用的中文字体": "show the Chinese font the PDFs use",
    "家访记录编号（默认：最近一次）": "visit id (default: the latest)",
    "PDF 文件，或已存在的文件夹": "PDF file, or an existing folder",
    "中文字体文件（TrueType .ttf/.ttc），默认自动查找": "Chinese font file (TrueType .ttf/.ttc), found automatically by default",
    "包含重点帮扶（受限内容，需相应角色）": "include key support (restricted; needs the role)",
    "家访日期起": "visits from",
    "家访日期止": "visits until",
    "合并为一个文件（默认每名学生一个文件）": "one combined file (default: one file per student)",
    "档案包含重点帮扶（仅支持中心角色）": "archives include key support (support center roles only)",
    "在终端显示进度": "show progress on the terminal",
    "输出文件夹": "output folder",
    "要检查的字体文件": "font file to check",
    "中心服务器地址，如 https://jiafang.example.edu.cn": "the center's server, e.g. https://jiafang.example.edu.cn",
    "中心账号用户名": "user name at the center",
    "本机名称（默认：主机名）": "name of this laptop (default: the host name)",
    "显示进度": "show progress",
    "计算所选学年的六个全覆盖：支持中心、家访、成长奖励、成长档案、育人导师、救助性教育。": (
        "The six full coverages of an academic year: support centers, home visits, growth rewards, growth "
        "archives, mentors, rescue education."
    ),
    "学年，例如 2025-2026（默认当前学年）": "academic year, e.g. 2025-2026 (default: the current one)",
    "只统计一个学院（名称或代码）": "one college only (name or code)",
    "以 JSON 输出（不含个人信息）": "JSON output (no personal data)",
    "列出尚未覆盖该项的学生（先家访后认定的新生在前）": (
        "list the students not yet covered by that measure (new students awaiting a visit first)"
    ),
    "导入学校系统导出的学生名单或困难认定结果（.xlsx 或 .csv）。先检查每一行，有任何错误则不导入任何数据并列出错误；没有错误时一次全部导入，已有学号的学生被更新（文件中空白的单元格不改动原有数据）。": (
        "Import a roster or identification results exported by the school's systems (.xlsx or .csv). Every "
        "row is checked first: with any error nothing is imported and the errors are listed; otherwise all "
        "rows are imported at once and students already known by their number are updated (blank cells "
        "change nothing)."
    ),
    "要导入的 .xlsx 或 .csv 文件": ".xlsx or .csv file to import",
    "使用已保存的列对应关系": "use a saved column mapping",
    "文件内容（默认自动判断）": "what the file holds (detected by default)",
    "只检查并预览，不写入": "check and preview only, write nothing",
    "把本次的列对应关系保存为 NAME": "save this column mapping as NAME",
    "导出为 Excel 或 JSON。身份证件号、手机号、家庭住址、金额和家访详情默认隐去；--unmasked 导出完整信息（仅限辅导员和支持中心）。每次导出都记入审计日志。": (
        "Export to Excel or JSON. ID numbers, phones, home addresses, amounts and visit details are masked "
        "unless --unmasked (counselors and support centers only). Every export is audited."
    ),
    "导出内容（all：名单、家访、资助、奖励和覆盖统计）": "what to export (all: roster, visits, aid, rewards and coverage)",
    "文件格式": "file format",
    "输出文件": "output file",
    "学年（家访、资助、奖励只导出该学年；覆盖统计默认当前学年）": (
        "academic year (visits, aid and rewards of that year only; coverage defaults to the current year)"
    ),
    "不隐去敏感信息（须角色允许）": "do not mask sensitive data (if the role allows it)",
    "检查本机安装是否完整可用（不读取也不改动您的数据）。全部通过时退出码为 0。": (
        "Check that this installation is complete and works (reads and changes none of your data). "
        "Exit status 0 when every check passes."
    ),
    "以 JSON 输出结果": "JSON output",
    "翻译文件（.qm）所在目录（默认：随应用安装的）": "folder of the translation files (.qm) (default: the app's own)",
    "要求 PDF 使用随应用安装的字体（安装包构建时使用）": "require the PDFs to use the font shipped with the app (installer builds)",
    "更改本机数据密码（重新包装密钥，不重写数据库）；加 --server 更改中心账号密码": "change the passphrase of the local data (rewraps the key); with --server, the center account's password",
    "查看或更改系统钥匙串中保存的密钥（恢复需输入密码）": "show or change the key kept in the OS keyring (restoring it asks for the passphrase)",
    "查看或修改打印设置（表格标题、PDF 字体）": "show or change print settings (form titles, PDF font)",
    "更改中心账号的登录密码（当前密码取自 JIAFANG_PASSWORD，新密码取自 JIAFANG_NEW_PASSWORD，或提示输入）": "change the center account's password (current from JIAFANG_PASSWORD, new from JIAFANG_NEW_PASSWORD, or asked)",
    "把密钥重新保存到系统钥匙串": "save the key in the OS keyring again",
    "从系统钥匙串中删除密钥（只用密码解锁）": "remove the key from the OS keyring (unlock with the passphrase only)",
    "列出全部设置及当前值": "list every setting and its value",
    "显示一项设置的当前值": "show the value of one setting",
    "修改一项设置，例如 jiafang settings set pdf.visit_form_title 学生家访记录表": 'change one setting, e.g. jiafang settings set pdf.visit_form_title "Home visit record"',
    "恢复一项设置的默认值": "put one setting back to its default",
    "设置名：pdf.visit_form_title、pdf.archive_title、pdf.font_path": "setting name: pdf.visit_form_title, pdf.archive_title, pdf.font_path",
    "新的值": "the new value",
    "本机在中心显示的名称，如“王丽的笔记本”（默认：“姓名的电脑”；再次登录可修改）": "this computer's name as the center shows it (default: the user's name + \"'s computer\"; logging in again renames it)",
    "固定服务器证书（SHA-256 指纹存入加密数据）：以后证书不同即拒绝连接": "pin the server's certificate (its SHA-256 kept in the encrypted store): refuse any other certificate later",
    "仅统计模式（学校中心）：本机不保存学生记录，同步时取回中心计算的统计；不加此项重新登录即恢复": "aggregate-only mode (school center): keep no student records on this computer, fetch the center's figures when syncing; log in again without it to go back",
    "中心更换证书后使用：忘记已固定的证书（核对新指纹后可再加 --pin-certificate）": "after the center renewed its certificate: forget the pinned one (check the new fingerprint, then --pin-certificate again)",
    "学院自己的证书颁发机构（CA）证书文件（PEM），保存在加密数据中，此后每次连接都信任它": "the college's own certificate authority (CA) file (PEM), kept in the encrypted store and trusted for every later connection",
    "在每项数字旁列出统计口径（详见 docs/coverage.md）": "print the rule next to each figure (see docs/coverage.md)",
    "生成报表与公示名单": "reports and public notice lists",
    "生成学生发展支持中心使用的报表与公示名单。": "build the reports and public notice lists a support center hands out.",
    "教师工作量（XLSX 汇总或每位教师一份的 PDF 认定表）": "teachers' workload (an XLSX of all, or a PDF form per teacher)",
    "学期，例如 2025-2026-1（第一学期：9月至次年2月）": "term, e.g. 2025-2026-1 (the first term: September to February)",
    "学院名称或代码（不填为全校）": "college name or code (the whole school when omitted)",
    "输出文件（.xlsx 或 .pdf）": "output file (.xlsx or .pdf)",
    "同时以 JSON 输出各教师的数字（不含学生信息）": "also print each teacher's figures as JSON (no student data)",
    "统计某学期每位教师的导师帮扶次数与时长、带教学生、救助性教育、集体教研、家访（按形式的次数与小时）和心愿单服务，按记录中写明的教师计入（规则见 docs/workload.md）。.xlsx 为全部教师一张表，.pdf 为每位教师一份带签字栏的认定表。已确认的学期输出确认时冻结的数字。": (
        "each teacher's mentor sessions and minutes, students mentored, rescue education, case conferences, "
        "home visits (count by mode, hours) and wish-list services of a term, credited to the teachers the "
        "records name (rules: docs/workload.md). .xlsx: every teacher on one sheet; .pdf: a form to sign per "
        "teacher. A confirmed term gives its frozen figures."
    ),
    "学年，例如 2025-2026": "academic year, e.g. 2025-2026",
    "认定结果公示名单（PDF 或 XLSX）": "the public notice of identification results (PDF or XLSX)",
    "输出文件（.pdf 或 .xlsx）": "output file (.pdf or .xlsx)",
    "公示开始日期（默认今天），如 2025-10-13": "first day of the notice (default today), e.g. 2025-10-13",
    "公示标题（默认：某学年某学院资助认定结果公示）": "notice title (default: the year's and college's identification results)",
    "异议受理方式，如：学院学生发展支持中心 文科楼101": "where objections are received, e.g. the college's support center, room 101",
    "发布单位，如：文学院学生发展支持中心": "issuing office, e.g. the college's student development support center",
    (
        "生成某学年资助认定结果的公示名单：只列姓名、学院、年级、专业、班级；公示期为 5 个工作日"
        "（不含周末，法定节假日请在“公示”页调整截止日期）。沿用该学年、该学院公示中的公示，没有时新建。"
    ): (
        "the public notice of a year's identification results: only name, college, grade, major and class; "
        "the notice runs 5 working days (weekends excluded; adjust the end date for public holidays on the "
        "notices page). The year's and college's open notice is reused, else a new one is made."
    ),
    "年度发展型资助育人工作报告（PDF 或 XLSX）": "the annual report on developmental aid (PDF or XLSX)",
    (
        "生成某学年的发展型资助育人工作年度报告：六个全覆盖及近三年变化、保障型资助（八位一体）与资金来源、"
        "成长奖励、心愿单落实、重点帮扶纳入与退出（仅支持中心角色）。只含统计数字，不含学生个人信息；"
        "数字与覆盖看板一致。仅统计模式的电脑使用中心服务器的统计（同步时保存当前及上一学年，其他学年或学院需联网）。"
    ): (
        "Build the annual report on developmental aid for an academic year: the six full coverages and their "
        "change over three years, guarantee aid by item and funding source, growth rewards, wish-list "
        "delivery, key support entered and left (center roles only). Figures only, no student's personal "
        "data; the same numbers as the coverage dashboard. An aggregate-only computer uses the center "
        "server's figures (kept at sync for the current and previous year; other years or colleges need a "
        "connection)."
    ),
    "同时以 JSON 输出报告中的统计数字": "also print the report's figures as JSON",
}
