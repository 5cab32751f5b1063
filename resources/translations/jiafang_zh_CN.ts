<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>ArchiveSection</name>
    <message>
      <source>Search results</source>
      <translation>查找结果</translation>
    </message>
    <message>
      <source>Find a student (name, pinyin, initials, student no.)</source>
      <translation>查找学生（姓名、拼音、首字母、学号）</translation>
    </message>
  </context>
  <context>
    <name>BasicInfoTab</name>
    <message>
      <source>New student</source>
      <translation>新生</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>学号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Ethnicity</source>
      <translation>民族</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>出生日期</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>身份证件号</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Major</source>
      <translation>专业</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>年级</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>班级</translation>
    </message>
    <message>
      <source>Political status</source>
      <translation>政治面貌</translation>
    </message>
    <message>
      <source>Household registration</source>
      <translation>户口性质</translation>
    </message>
    <message>
      <source>Place of origin</source>
      <translation>生源地</translation>
    </message>
    <message>
      <source>Home address</source>
      <translation>家庭住址</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>本人手机</translation>
    </message>
    <message>
      <source>Parent's mobile</source>
      <translation>家长手机</translation>
    </message>
    <message>
      <source>High school</source>
      <translation>毕业中学</translation>
    </message>
    <message>
      <source>Talents</source>
      <translation>个人特长</translation>
    </message>
    <message>
      <source>Counselor</source>
      <translation>辅导员</translation>
    </message>
    <message>
      <source>Family members</source>
      <translation>家庭成员</translation>
    </message>
    <message>
      <source>Save (Ctrl+S)</source>
      <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
      <source>Please correct the marked fields.</source>
      <translation>请修改标出的项目。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
  </context>
  <context>
    <name>BatchExportDialog</name>
    <message>
      <source>Export PDFs</source>
      <translation>批量导出 PDF</translation>
    </message>
    <message numerus="yes">
      <source>Selected students (%n)</source>
      <translation>
        <numerusform>所选学生（%n 名）</numerusform>
      </translation>
    </message>
    <message>
      <source>All students matching the roster search and filters</source>
      <translation>名册当前搜索和筛选条件下的全部学生</translation>
    </message>
    <message>
      <source>A college:</source>
      <translation>学院：</translation>
    </message>
    <message>
      <source>A class:</source>
      <translation>班级：</translation>
    </message>
    <message>
      <source>Home-visit forms</source>
      <translation>家访记录表</translation>
    </message>
    <message>
      <source>Growth archives</source>
      <translation>成长档案</translation>
    </message>
    <message>
      <source>One combined file (otherwise one file per student)</source>
      <translation>合并为一个文件（否则每名学生一个文件）</translation>
    </message>
    <message>
      <source>Include key support (restricted)</source>
      <translation>包含重点帮扶内容（受限）</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Visits dated</source>
      <translation>家访日期</translation>
    </message>
    <message>
      <source>Into folder</source>
      <translation>导出到文件夹</translation>
    </message>
    <message>
      <source>Which students</source>
      <translation>导出哪些学生</translation>
    </message>
    <message>
      <source>Export into folder</source>
      <translation>选择导出文件夹</translation>
    </message>
    <message>
      <source>Choose a folder to export into.</source>
      <translation>请选择导出文件夹。</translation>
    </message>
    <message>
      <source>The start date is after the end date.</source>
      <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
      <source>Choose which students to export.</source>
      <translation>请选择要导出的学生。</translation>
    </message>
    <message>
      <source>Reading the records…</source>
      <translation>正在读取记录…</translation>
    </message>
    <message>
      <source>Nothing to export for these students and dates.</source>
      <translation>这些学生在所选日期内没有可导出的记录。</translation>
    </message>
    <message>
      <source>Writing PDFs…</source>
      <translation>正在生成 PDF…</translation>
    </message>
    <message>
      <source>Exported %1 of %2 students…</source>
      <translation>已导出 %1/%2 名学生…</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s)</source>
      <translation>
        <numerusform>%n 个文件</numerusform>
      </translation>
    </message>
    <message>
      <source>Cancelled after %1 of %2 students; %3 finished are kept in %4.</source>
      <translation>已取消：已完成 %1/%2 名学生，已完成的 %3 保留在 %4。</translation>
    </message>
    <message>
      <source>Exported %1 students into %2 in %3.</source>
      <translation>已导出 %1 名学生，共 %2，保存在 %3。</translation>
    </message>
    <message>
      <source>The export failed.</source>
      <translation>导出失败。</translation>
    </message>
    <message>
      <source>Cancelled; nothing was written.</source>
      <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Choose a college…</source>
      <translation>请选择学院…</translation>
    </message>
    <message>
      <source>Choose a class…</source>
      <translation>请选择班级…</translation>
    </message>
  </context>
  <context>
    <name>ChangePassphraseDialog</name>
    <message>
      <source>Change passphrase</source>
      <translation>修改密码</translation>
    </message>
    <message>
      <source>Current passphrase</source>
      <translation>当前密码</translation>
    </message>
    <message>
      <source>New passphrase</source>
      <translation>新密码</translation>
    </message>
    <message>
      <source>Repeat new passphrase</source>
      <translation>再次输入新密码</translation>
    </message>
    <message>
      <source>The app locks afterwards; unlock with the new passphrase.</source>
      <translation>修改后应用将锁定，请用新密码解锁。</translation>
    </message>
  </context>
  <context>
    <name>DraftOffer</name>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>稍后</translation>
    </message>
    <message>
      <source>An unsaved home-visit form for %1 (%2) was kept. Open it?</source>
      <translation>有一份未保存的家访表（%1，%2）已为您保留。现在打开吗？</translation>
    </message>
    <message numerus="yes">
      <source>(%n more under Home visits)</source>
      <translation>
        <numerusform>（另有 %n 份，见“家访”）</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FamilyTable</name>
    <message>
      <source>Add member</source>
      <translation>添加成员</translation>
    </message>
    <message>
      <source>Remove member</source>
      <translation>删除成员</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>年龄</translation>
    </message>
    <message>
      <source>Relationship</source>
      <translation>与学生关系</translation>
    </message>
    <message>
      <source>Employer / school</source>
      <translation>工作(学习)单位</translation>
    </message>
    <message>
      <source>Occupation</source>
      <translation>职业</translation>
    </message>
    <message>
      <source>Annual income (yuan)</source>
      <translation>年收入(元)</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>健康状况</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Row %1, %2: %3</source>
      <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
      <source>Verified on this visit</source>
      <translation>本次核实</translation>
    </message>
    <message>
      <source>Checked in person (or by call) on this visit</source>
      <translation>本次家访中当面（或电话）核实过</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>Welcome to JiaFang</source>
      <translation>欢迎使用 JiaFang 家访</translation>
    </message>
  </context>
  <context>
    <name>JiaFangApp</name>
    <message>
      <source>Operating system keyring</source>
      <translation>操作系统钥匙串</translation>
    </message>
    <message>
      <source>This computer was set to unlock JiaFang with the operating system's keyring, but the keyring no longer holds the key. Save the key in the keyring again?</source>
      <translation>本机原设为用操作系统钥匙串解锁 JiaFang，但钥匙串中已没有密钥。是否把密钥重新保存到钥匙串？</translation>
    </message>
    <message>
      <source>Creating your encrypted store…</source>
      <translation>正在创建加密数据库…</translation>
    </message>
    <message>
      <source>Wrong passphrase. Please try again; nothing was changed.</source>
      <translation>密码不正确，请重试。数据未作任何改动。</translation>
    </message>
    <message>
      <source>The store could not be opened (%1).</source>
      <translation>无法打开数据（%1）。</translation>
    </message>
    <message>
      <source>Wrong passphrase typed too often; nothing was changed.</source>
      <translation>密码错误次数过多，数据未作任何改动。</translation>
    </message>
    <message>
      <source>At the center's request, the data on this computer has been deleted: the store, its key and its backups. To use this computer again, set up a new store, log in to the center and sync; your records come back from the center.</source>
      <translation>根据中心的要求，本机数据已删除：数据库、密钥和备份。如需继续使用这台电脑，请新建数据、登录中心并同步，记录将从中心取回。</translation>
    </message>
  </context>
  <context>
    <name>KeySupportTab</name>
    <message>
      <source>Restricted: key-support status is never published.</source>
      <translation>受限内容：重点帮扶身份不公开。</translation>
    </message>
    <message>
      <source>Difficulty types</source>
      <translation>困难类型</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>纳入日期</translation>
    </message>
    <message>
      <source>Ended</source>
      <translation>退出日期</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Not a key-support student.</source>
      <translation>未纳入重点帮扶。</translation>
    </message>
    <message>
      <source>Mentor</source>
      <translation>育人导师</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>To</source>
      <translation>结束</translation>
    </message>
    <message>
      <source>Goals</source>
      <translation>帮扶目标</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>帮扶计划</translation>
    </message>
    <message>
      <source>No mentor assigned.</source>
      <translation>尚未分配育人导师。</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>形式</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>评估</translation>
    </message>
    <message>
      <source>Next steps</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>No support sessions logged.</source>
      <translation>暂无帮扶记录。</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Topic</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>Conclusions</source>
      <translation>结论</translation>
    </message>
    <message>
      <source>Measures</source>
      <translation>措施</translation>
    </message>
    <message>
      <source>No rescue-education sessions.</source>
      <translation>暂无救助性教育记录。</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>反馈</translation>
    </message>
    <message>
      <source>No wish-list selections.</source>
      <translation>暂无心愿单。</translation>
    </message>
    <message>
      <source>Support log</source>
      <translation>帮扶记录</translation>
    </message>
    <message>
      <source>Rescue education</source>
      <translation>救助性教育</translation>
    </message>
    <message>
      <source>Wish list</source>
      <translation>心愿单</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Sections</source>
      <translation>功能导航</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>锁定</translation>
    </message>
    <message>
      <source>JiaFang Home Visits</source>
      <translation>JiaFang 家访</translation>
    </message>
    <message>
      <source>Locked</source>
      <translation>已锁定</translation>
    </message>
    <message>
      <source>Unlocked — %1 (Ctrl+L locks)</source>
      <translation>已解锁 — %1（Ctrl+L 锁定）</translation>
    </message>
    <message>
      <source>Roster</source>
      <translation>学生名册</translation>
    </message>
    <message>
      <source>Home visits</source>
      <translation>家访</translation>
    </message>
    <message>
      <source>Growth archive</source>
      <translation>成长档案</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
  </context>
  <context>
    <name>PassphrasePage</name>
    <message>
      <source>Choose a passphrase</source>
      <translation>设置密码</translation>
    </message>
    <message>
      <source>Your records are encrypted on this computer. The passphrase opens them; if it is lost, no one can recover data that has not been synced.</source>
      <translation>您的记录在本机加密保存，用密码打开。密码遗失后，尚未同步的数据任何人都无法恢复。</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Repeat</source>
      <translation>再次输入</translation>
    </message>
    <message>
      <source>The two passphrases differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
  </context>
  <context>
    <name>PdfPreviewDialog</name>
    <message>
      <source>PDF preview — %1</source>
      <translation>PDF 预览 — %1</translation>
    </message>
    <message>
      <source>PDF preview</source>
      <translation>PDF 预览</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>适合宽度</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>第 %1 页 共 %2 页</translation>
    </message>
    <message>
      <source>Save PDF as</source>
      <translation>PDF 另存为</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>The file could not be saved.</source>
      <translation>文件未能保存。</translation>
    </message>
    <message>
      <source>Saved to %1</source>
      <translation>已保存到 %1</translation>
    </message>
    <message>
      <source>Saved, but the audit entry failed.</source>
      <translation>已保存，但审计记录写入失败。</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>正在打印…</translation>
    </message>
    <message>
      <source>Printing failed.</source>
      <translation>打印失败。</translation>
    </message>
    <message>
      <source>Printing page %1 of %2…</source>
      <translation>正在打印第 %1 页，共 %2 页…</translation>
    </message>
    <message>
      <source>Printed, but the audit entry failed.</source>
      <translation>已打印，但审计记录写入失败。</translation>
    </message>
    <message numerus="yes">
      <source>Sent %n page(s) to the printer.</source>
      <translation>
        <numerusform>已向打印机发送 %n 页。</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PdfPreviewOpener</name>
    <message>
      <source>The PDF could not be made.</source>
      <translation>未能生成 PDF。</translation>
    </message>
    <message>
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
  </context>
  <context>
    <name>PeopleTable</name>
    <message>
      <source>Remove</source>
      <translation>删除</translation>
    </message>
  </context>
  <context>
    <name>ProfilePage</name>
    <message>
      <source>About you</source>
      <translation>您的信息</translation>
    </message>
    <message>
      <source>These appear on printed forms; you can change them later in Settings.</source>
      <translation>这些信息会出现在打印的表格上，之后可在“设置”中修改。</translation>
    </message>
    <message>
      <source>School</source>
      <translation>学校</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>您的姓名</translation>
    </message>
    <message>
      <source>Your role</source>
      <translation>您的角色</translation>
    </message>
  </context>
  <context>
    <name>RosterModel</name>
    <message>
      <source>Student no.</source>
      <translation>学号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>班级</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>认定等级</translation>
    </message>
    <message>
      <source>Key support</source>
      <translation>重点帮扶</translation>
    </message>
    <message>
      <source>Visited this year</source>
      <translation>本学年已家访</translation>
    </message>
    <message>
      <source>Counselor</source>
      <translation>辅导员</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>%1 · new</source>
      <translation>%1 · 新生</translation>
    </message>
  </context>
  <context>
    <name>RosterView</name>
    <message>
      <source>Students</source>
      <translation>学生名单</translation>
    </message>
    <message>
      <source>Search name, pinyin, initials (zs), student no. or class  (Ctrl+F)</source>
      <translation>搜索姓名、拼音、首字母（zs）、学号或班级（Ctrl+F）</translation>
    </message>
    <message>
      <source>All colleges</source>
      <translation>全部学院</translation>
    </message>
    <message>
      <source>All grades</source>
      <translation>全部年级</translation>
    </message>
    <message>
      <source>All classes</source>
      <translation>全部班级</translation>
    </message>
    <message>
      <source>All levels</source>
      <translation>全部等级</translation>
    </message>
    <message>
      <source>Key support: any</source>
      <translation>重点帮扶：不限</translation>
    </message>
    <message>
      <source>Key support: yes</source>
      <translation>重点帮扶：是</translation>
    </message>
    <message>
      <source>Visited: any</source>
      <translation>家访：不限</translation>
    </message>
    <message>
      <source>Visited this year</source>
      <translation>本学年已家访</translation>
    </message>
    <message>
      <source>Not yet visited</source>
      <translation>本学年未家访</translation>
    </message>
    <message>
      <source>New students</source>
      <translation>仅新生</translation>
    </message>
    <message numerus="yes">
      <source>%n student(s)</source>
      <translation>
        <numerusform>%n 名学生</numerusform>
      </translation>
    </message>
    <message>
      <source>Export PDFs…</source>
      <translation>批量导出 PDF…</translation>
    </message>
    <message>
      <source>Visit forms or growth archives of the selected students, a class or a college</source>
      <translation>导出所选学生、某个班级或学院的家访记录表或成长档案</translation>
    </message>
    <message>
      <source>No student matches “%1”. Try the full pinyin, initials (zs), pinyin mixed with characters (张m), a student no. or a class; or clear the filters.</source>
      <translation>没有找到与“%1”匹配的学生。可以试试全拼、首字母（zs）、汉字加拼音（张m）、学号或班级，或清除筛选条件。</translation>
    </message>
    <message>
      <source>No student matches these filters. Choose “All …” in a filter to see more.</source>
      <translation>没有符合这些筛选条件的学生。把筛选项改回“全部…”可看到更多学生。</translation>
    </message>
    <message>
      <source>No students yet. Import a roster under Import/export, or sync with the center under Settings.</source>
      <translation>名册中还没有学生。请在“导入导出”中导入名册，或在“设置”中与中心同步。</translation>
    </message>
    <message>
      <source>Show levels</source>
      <translation>显示认定等级</translation>
    </message>
    <message>
      <source>Hide levels</source>
      <translation>隐藏认定等级</translation>
    </message>
    <message>
      <source>Privacy mode is on: identification levels and key support are hidden. Show them (Ctrl+Shift+H)</source>
      <translation>隐私模式已开启：认定等级和重点帮扶已隐藏。点击显示（Ctrl+Shift+H）</translation>
    </message>
    <message>
      <source>Hide identification levels and key support from people passing by (Ctrl+Shift+H)</source>
      <translation>隐藏认定等级和重点帮扶，以免旁人看到（Ctrl+Shift+H）</translation>
    </message>
    <message>
      <source>Ctrl+F. Enter opens the first student found, ↓ moves into the list.</source>
      <translation>Ctrl+F 定位到搜索框。按回车打开找到的第一名学生，按 ↓ 进入列表。</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>Visit form title</source>
      <translation>家访记录表标题</translation>
    </message>
    <message>
      <source>Printed at the top of every visit form; leave empty for the default wording</source>
      <translation>打印在每份家访记录表的顶部；留空则使用默认标题</translation>
    </message>
    <message>
      <source>General</source>
      <translation>常规</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>School</source>
      <translation>学校</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>Lock after idle</source>
      <translation>闲置后自动锁定</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>安全</translation>
    </message>
    <message>
      <source>Change passphrase…</source>
      <translation>修改密码…</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Unlock with the operating system's keyring on this computer</source>
      <translation>在本机使用系统钥匙串解锁</translation>
    </message>
    <message>
      <source>Unlock with the operating system's keyring (none is available on this computer)</source>
      <translation>在本机使用系统钥匙串解锁（本机没有可用的系统钥匙串）</translation>
    </message>
    <message>
      <source>No keyring service (such as GNOME Keyring or KWallet) is running on this computer, so JiaFang asks for the passphrase at every unlock.</source>
      <translation>本机没有运行系统钥匙串服务（如 GNOME 钥匙串或 KWallet），每次解锁都需要输入密码。</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>数据</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <source>Data folder</source>
      <translation>数据目录</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>立即备份</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>Restore…</source>
      <translation>恢复…</translation>
    </message>
    <message>
      <source>Restore from</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <source>That did not work (%1).</source>
      <translation>操作未成功（%1）。</translation>
    </message>
    <message>
      <source>Please enter the school's name.</source>
      <translation>请填写学校名称。</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>The current passphrase is not correct.</source>
      <translation>当前密码不正确。</translation>
    </message>
    <message>
      <source>The keyring of this system could not be used.</source>
      <translation>无法使用本系统的钥匙串。</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>正在备份…</translation>
    </message>
    <message>
      <source>Backup saved: %1</source>
      <translation>备份已保存：%1</translation>
    </message>
    <message>
      <source>Restore backup</source>
      <translation>恢复备份</translation>
    </message>
    <message>
      <source>Replace the current data with this backup? A backup of the current data is taken first. The app locks afterwards.</source>
      <translation>用这份备份替换当前数据吗？替换前会先备份当前数据。恢复后应用将锁定。</translation>
    </message>
    <message>
      <source>Restoring…</source>
      <translation>正在恢复…</translation>
    </message>
    <message>
      <source> failed course(s)</source>
      <translation> 门不及格</translation>
    </message>
    <message>
      <source>A disadvantaged student with this many failed courses in a term goes on the watch list</source>
      <translation>家庭经济困难学生一个学期不及格达到此门数，即列入一个不失学关注名单</translation>
    </message>
    <message>
      <source>No-dropout warning at</source>
      <translation>一个不失学学业预警</translation>
    </message>
  </context>
  <context>
    <name>StudentProfile</name>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Open the selected visit in the visit form (double-click a row too)</source>
      <translation>在家访表中打开所选家访记录（也可双击该行）</translation>
    </message>
    <message>
      <source>← Roster</source>
      <translation>← 学生名册</translation>
    </message>
    <message>
      <source>New home visit (Ctrl+N)</source>
      <translation>新建家访（Ctrl+N）</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>认定等级</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Causes</source>
      <translation>致困原因</translation>
    </message>
    <message>
      <source>Basis</source>
      <translation>认定依据</translation>
    </message>
    <message>
      <source>Visit first</source>
      <translation>先家访后认定</translation>
    </message>
    <message>
      <source>No identification recorded.</source>
      <translation>暂无认定记录。</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <source>Amount (yuan)</source>
      <translation>金额(元)</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>岗位</translation>
    </message>
    <message>
      <source>Funding</source>
      <translation>资金来源</translation>
    </message>
    <message>
      <source>No aid recorded.</source>
      <translation>暂无资助记录。</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Value (yuan)</source>
      <translation>价值(元)</translation>
    </message>
    <message>
      <source>Granted by</source>
      <translation>授予部门</translation>
    </message>
    <message>
      <source>No growth reward yet.</source>
      <translation>暂无成长奖励。</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>家访类别</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>家访形式</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>家访人员</translation>
    </message>
    <message>
      <source>No home visit yet.</source>
      <translation>暂无家访记录。</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>处理措施</translation>
    </message>
    <message>
      <source>No monitoring feedback.</source>
      <translation>暂无监测反馈。</translation>
    </message>
    <message>
      <source>Basic information and family</source>
      <translation>基本信息与家庭</translation>
    </message>
    <message>
      <source>Identification</source>
      <translation>认定记录</translation>
    </message>
    <message>
      <source>Aid</source>
      <translation>资助记录</translation>
    </message>
    <message>
      <source>Growth rewards</source>
      <translation>成长奖励</translation>
    </message>
    <message>
      <source>Home visits</source>
      <translation>家访</translation>
    </message>
    <message>
      <source>Key support</source>
      <translation>重点帮扶</translation>
    </message>
    <message>
      <source>Monitoring feedback</source>
      <translation>监测反馈</translation>
    </message>
    <message>
      <source>Growth archive</source>
      <translation>成长档案</translation>
    </message>
    <message>
      <source>Could not load this student.</source>
      <translation>无法读取该学生的信息。</translation>
    </message>
    <message>
      <source>Not saved.</source>
      <translation>未保存。</translation>
    </message>
    <message>
      <source>Preview / print / export PDF…</source>
      <translation>预览/打印/导出 PDF…</translation>
    </message>
    <message>
      <source>Preview / print / export PDF</source>
      <translation>预览/打印/导出 PDF</translation>
    </message>
    <message>
      <source>Growth archive…</source>
      <translation>成长档案…</translation>
    </message>
    <message>
      <source>Growth archive with key support…</source>
      <translation>成长档案（含重点帮扶）…</translation>
    </message>
    <message>
      <source>Blank visit form for this student…</source>
      <translation>该生的空白家访记录表…</translation>
    </message>
    <message>
      <source>Basic information and family saved: %1</source>
      <translation>已保存基本信息和家庭成员：%1</translation>
    </message>
    <message>
      <source>Back to the roster</source>
      <translation>返回学生名册</translation>
    </message>
    <message>
      <source>Start a home visit for this student</source>
      <translation>为该学生新建家访</translation>
    </message>
    <message>
      <source>The selected visit's form as PDF</source>
      <translation>所选家访的记录表（PDF）</translation>
    </message>
    <message>
      <source>Growth archive or a blank visit form for this student</source>
      <translation>该学生的成长档案或空白家访表</translation>
    </message>
    <message>
      <source>Enrolment</source>
      <translation>学籍</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>GPA</source>
      <translation>平均学分绩点</translation>
    </message>
    <message>
      <source>Failed courses</source>
      <translation>不及格门数</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>No academic results imported.</source>
      <translation>尚未导入学业成绩。</translation>
    </message>
    <message>
      <source>Academic results</source>
      <translation>学业成绩</translation>
    </message>
    <message>
      <source>No one-to-one talk recorded.</source>
      <translation>暂无个别交流记录。</translation>
    </message>
    <message>
      <source>One-to-one talks</source>
      <translation>个别交流</translation>
    </message>
    <message>
      <source>Talked with by</source>
      <translation>交流人</translation>
    </message>
    <message>
      <source>Topics</source>
      <translation>交流主题</translation>
    </message>
  </context>
  <context>
    <name>TimelineTab</name>
    <message>
      <source>Growth archive timeline</source>
      <translation>成长档案时间线</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>事项</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Identification</source>
      <translation>认定记录</translation>
    </message>
    <message>
      <source>Aid</source>
      <translation>资助记录</translation>
    </message>
    <message>
      <source>Growth reward</source>
      <translation>成长奖励</translation>
    </message>
    <message>
      <source>Home visit</source>
      <translation>家访</translation>
    </message>
    <message>
      <source>Key support</source>
      <translation>重点帮扶</translation>
    </message>
    <message>
      <source>Monitoring</source>
      <translation>监测反馈</translation>
    </message>
    <message>
      <source>Wish list</source>
      <translation>心愿单</translation>
    </message>
    <message>
      <source>Giving back</source>
      <translation>回馈活动</translation>
    </message>
    <message>
      <source>One-to-one talk</source>
      <translation>个别交流</translation>
    </message>
  </context>
  <context>
    <name>UnlockPanel</name>
    <message>
      <source>JiaFang is locked</source>
      <translation>JiaFang 已锁定</translation>
    </message>
    <message>
      <source>Enter your passphrase to open your records.</source>
      <translation>请输入密码以打开您的记录。</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message numerus="yes">
      <source>Too many wrong passphrases. Please wait %n second(s) before trying again.</source>
      <translation>
        <numerusform>密码错误次数过多，请等待 %n 秒后再试。</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>VisitForm</name>
    <message>
      <source>Parts of the form</source>
      <translation>表单各部分</translation>
    </message>
    <message>
      <source>Editing home visit: %1, %2</source>
      <translation>编辑家访记录：%1，%2</translation>
    </message>
    <message>
      <source>Recovered unsaved changes</source>
      <translation>已恢复未保存的修改</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>未保存的修改</translation>
    </message>
    <message>
      <source>Save the changes to this visit before closing?</source>
      <translation>关闭前保存对这次家访记录的修改吗？</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Save visit (Ctrl+S)</source>
      <translation>保存家访（Ctrl+S）</translation>
    </message>
    <message>
      <source>Save as draft</source>
      <translation>存为草稿</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>家访信息</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>家访类别</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>家访形式</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>时长</translation>
    </message>
    <message>
      <source>County / town only, no street address</source>
      <translation>只填到县/镇，不填门牌号</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>家访人员</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>身份</translation>
    </message>
    <message>
      <source>Add visitor</source>
      <translation>添加家访人员</translation>
    </message>
    <message>
      <source>Interviewees</source>
      <translation>受访人</translation>
    </message>
    <message>
      <source>Relationship</source>
      <translation>与学生关系</translation>
    </message>
    <message>
      <source>Add interviewee</source>
      <translation>添加受访人</translation>
    </message>
    <message>
      <source>Household</source>
      <translation>家庭成员情况</translation>
    </message>
    <message>
      <source>Family members</source>
      <translation>家庭成员</translation>
    </message>
    <message>
      <source>Income and housing</source>
      <translation>收支与住房</translation>
    </message>
    <message>
      <source>Income sources</source>
      <translation>收入来源</translation>
    </message>
    <message>
      <source>Household income per year (yuan)</source>
      <translation>家庭年收入(元)</translation>
    </message>
    <message>
      <source>Income notes</source>
      <translation>收入情况说明</translation>
    </message>
    <message>
      <source>Main expenses</source>
      <translation>主要支出</translation>
    </message>
    <message>
      <source>Debts (yuan)</source>
      <translation>负债金额(元)</translation>
    </message>
    <message>
      <source>Debt notes</source>
      <translation>负债情况</translation>
    </message>
    <message>
      <source>Housing</source>
      <translation>住房情况</translation>
    </message>
    <message>
      <source>Housing notes</source>
      <translation>住房说明</translation>
    </message>
    <message>
      <source>Special groups and causes</source>
      <translation>特殊群体与致困原因</translation>
    </message>
    <message>
      <source>Verified</source>
      <translation>特殊群体核实</translation>
    </message>
    <message>
      <source>Causes</source>
      <translation>致困原因</translation>
    </message>
    <message>
      <source>Recent emergencies</source>
      <translation>近期突发情况</translation>
    </message>
    <message>
      <source>Suggest a temporary subsidy</source>
      <translation>建议发放临时困难补助</translation>
    </message>
    <message>
      <source>Student and school</source>
      <translation>学生与在校情况</translation>
    </message>
    <message>
      <source>Student's traits at home</source>
      <translation>学生特点/在家表现</translation>
    </message>
    <message>
      <source>Feedback on school performance *</source>
      <translation>在校表现反馈 *</translation>
    </message>
    <message>
      <source>Aid received, told to the family</source>
      <translation>受助情况告知</translation>
    </message>
    <message>
      <source>Policies explained</source>
      <translation>政策宣传内容</translation>
    </message>
    <message>
      <source>Gift money (yuan)</source>
      <translation>慰问金(元)</translation>
    </message>
    <message>
      <source>Gift items</source>
      <translation>慰问品</translation>
    </message>
    <message>
      <source>Wish list</source>
      <translation>心愿单</translation>
    </message>
    <message>
      <source>Conclusions</source>
      <translation>结论</translation>
    </message>
    <message>
      <source>Opinions of family and student *</source>
      <translation>家长及学生意见建议 *</translation>
    </message>
    <message>
      <source>Verification result</source>
      <translation>核实结论</translation>
    </message>
    <message>
      <source>Suggested level</source>
      <translation>档次建议</translation>
    </message>
    <message>
      <source>Suggest key support</source>
      <translation>建议重点帮扶</translation>
    </message>
    <message>
      <source>Difficulty types</source>
      <translation>困难类型</translation>
    </message>
    <message>
      <source>Follow-up / visit notes</source>
      <translation>后续措施/家访手记</translation>
    </message>
    <message>
      <source>Signatures and consent</source>
      <translation>签字与同意</translation>
    </message>
    <message>
      <source>Visitors signed</source>
      <translation>家访人已签字</translation>
    </message>
    <message>
      <source>Family confirmation</source>
      <translation>家长确认方式</translation>
    </message>
    <message>
      <source>Confirmed by</source>
      <translation>确认人</translation>
    </message>
    <message>
      <source>Student signed</source>
      <translation>学生已签字</translation>
    </message>
    <message>
      <source>Student agrees to photos</source>
      <translation>学生同意拍照</translation>
    </message>
    <message>
      <source>Student agrees to publicity use</source>
      <translation>学生同意宣传使用</translation>
    </message>
    <message>
      <source>Recovered draft</source>
      <translation>已恢复草稿</translation>
    </message>
    <message>
      <source>Home visit: %1</source>
      <translation>家访：%1</translation>
    </message>
    <message>
      <source>Draft saved %1</source>
      <translation>草稿已保存 %1</translation>
    </message>
    <message numerus="yes">
      <source>%n field(s) need attention.</source>
      <translation>
        <numerusform>有 %n 项需要修改。</numerusform>
      </translation>
    </message>
    <message>
      <source>Second visit on the same day</source>
      <translation>同一天再次家访</translation>
    </message>
    <message>
      <source>This student already has a visit recorded on %1. Save another one?</source>
      <translation>该学生在 %1 已有家访记录。仍要再保存一条吗？</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>The visit could not be saved.</source>
      <translation>家访记录未能保存。</translation>
    </message>
    <message>
      <source>Changes to the home visit saved: %1, %2</source>
      <translation>已保存家访的修改：%1，%2</translation>
    </message>
    <message>
      <source>Home visit saved: %1, %2</source>
      <translation>已保存家访：%1，%2</translation>
    </message>
    <message>
      <source>Family members changed</source>
      <translation>家庭成员有改动</translation>
    </message>
    <message>
      <source>The family members on this visit differ from the student's profile. Write them back to the profile (basic information and family)?</source>
      <translation>本次家访记录的家庭成员与学生档案中的不一致。要把它们写回学生档案（基本信息和家庭成员）吗？</translation>
    </message>
    <message>
      <source>Save the visit</source>
      <translation>保存家访</translation>
    </message>
    <message>
      <source>Keep the form as a draft, even with fields still to fill</source>
      <translation>存为草稿（还有未填项也可以）</translation>
    </message>
    <message>
      <source>Close the form (an unsaved form is kept as a draft)</source>
      <translation>关闭表单（未保存的内容会保留为草稿）</translation>
    </message>
  </context>
  <context>
    <name>VisitsSection</name>
    <message>
      <source>Home visits to do</source>
      <translation>待家访</translation>
    </message>
    <message>
      <source>%1 — changes to a saved visit, kept %2</source>
      <translation>%1 — 对已保存家访记录的修改（未保存），%2</translation>
    </message>
    <message>
      <source>%1 — visit of %3, saved %2</source>
      <translation>%1 — 家访日期 %3，保存于 %2</translation>
    </message>
    <message>
      <source>The visit could not be opened.</source>
      <translation>无法打开这次家访记录。</translation>
    </message>
    <message>
      <source>Unsaved visit forms</source>
      <translation>未保存的家访表</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>学号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>班级</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Start visit for selected student</source>
      <translation>为所选学生开始家访</translation>
    </message>
    <message numerus="yes">
      <source>Not yet visited this academic year: %n student(s)</source>
      <translation>
        <numerusform>本学年待家访：%n 名学生</numerusform>
      </translation>
    </message>
    <message>
      <source> (first %1 shown)</source>
      <translation>（显示前 %1 名）</translation>
    </message>
    <message>
      <source>Visit before identification</source>
      <translation>先家访后认定</translation>
    </message>
    <message>
      <source>%1 — saved %2</source>
      <translation>%1 — 保存于 %2</translation>
    </message>
    <message>
      <source>Print blank visit form…</source>
      <translation>打印空白家访表…</translation>
    </message>
    <message>
      <source>Pre-filled with the selected student's basic facts, if one is selected</source>
      <translation>如已选中学生，将预填该生的基本信息</translation>
    </message>
    <message>
      <source>Start a visit for the student selected below (Enter on a row too)</source>
      <translation>为下方所选学生开始家访（也可在该行按回车）</translation>
    </message>
    <message>
      <source> — everyone who needs a visit has had one. Students appear here once identified (or marked “visit before identification”); any student's visit starts from the roster.</source>
      <translation> —— 需要家访的学生都已家访。学生完成认定（或标为“先家访后认定”）后会出现在这里；任何学生的家访都可从学生名册开始。</translation>
    </message>
  </context>
  <context>
    <name>CoverageDashboard</name>
    <message>
      <source>Students not yet covered</source>
      <translation>尚未覆盖的学生</translation>
    </message>
    <message>
      <source>All colleges</source>
      <translation>全部学院</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>Export to PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Coverage (%)</source>
      <translation>覆盖率（%）</translation>
    </message>
    <message>
      <source>By college</source>
      <translation>按学院</translation>
    </message>
    <message>
      <source>By counselor</source>
      <translation>按辅导员</translation>
    </message>
    <message>
      <source>By class</source>
      <translation>按班级</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>学号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>班级</translation>
    </message>
    <message>
      <source>Counselor</source>
      <translation>辅导员</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>New students awaiting a visit before identification: %1 · Monitoring: %2 open, %3 in progress</source>
      <translation>待先家访后认定的新生：%1 人 · 监测反馈：待处理 %2 条，处理中 %3 条</translation>
    </message>
    <message>
      <source>Coverage</source>
      <translation>覆盖看板</translation>
    </message>
    <message>
      <source>%1: %2 student(s) still missing</source>
      <translation>%1：尚有 %2 名学生未覆盖</translation>
    </message>
    <message>
      <source> (first %1 shown)</source>
      <translation>（显示前 %1 人）</translation>
    </message>
    <message>
      <source>Visit before identification</source>
      <translation>先家访后认定</translation>
    </message>
    <message>
      <source>New student</source>
      <translation>新生</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Export coverage</source>
      <translation>导出覆盖统计</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>已导出到 %1</translation>
    </message>
    <message>
      <source>Missing: %1</source>
      <translation>缺少：%1</translation>
    </message>
    <message>
      <source>Support centers not complete: %1</source>
      <translation>尚未达标的支持中心：%1</translation>
    </message>
    <message>
      <source>Rule: %1</source>
      <translation>统计口径：%1</translation>
    </message>
    <message>
      <source>Talks at school</source>
      <translation>到校约谈</translation>
    </message>
    <message>
      <source> · Talks at school (not home visits): %1</source>
      <translation> · 到校约谈（不计入家访）：%1</translation>
    </message>
    <message>
      <source>No dropout</source>
      <translation>一个不失学</translation>
    </message>
    <message>
      <source>On the watch list</source>
      <translation>关注人数</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Activities</source>
      <translation>育人活动</translation>
    </message>
    <message>
      <source>Democratic evaluations</source>
      <translation>民主测评</translation>
    </message>
    <message>
      <source>Integrity education (participants)</source>
      <translation>诚信教育（人次）</translation>
    </message>
    <message>
      <source>Research projects</source>
      <translation>专项研究</translation>
    </message>
    <message>
      <source>Staff training (hours)</source>
      <translation>资助工作者培训（学时）</translation>
    </message>
    <message>
      <source>Support activities by college</source>
      <translation>各学院资助育人活动</translation>
    </message>
    <message>
      <source>Talks (students)</source>
      <translation>个别交流（人数）</translation>
    </message>
    <message>
      <source>Whole school</source>
      <translation>全校</translation>
    </message>
    <message>
      <source>Annual report…</source>
      <translation>年度报告…</translation>
    </message>
    <message>
      <source>The annual report on developmental aid, as PDF or Excel</source>
      <translation>发展型资助育人工作年度报告（PDF 或 Excel）</translation>
    </message>
    <message>
      <source>Aggregate-only mode: figures computed by the center's server at %1. Cells of 1–4 students show &lt;5, cells a total would give away show *.</source>
      <translation>仅统计模式：以下统计由中心服务器于 %1 计算。不足 5 人（1–4 人）的格显示“&lt;5”，可由合计推算出的格显示“*”。</translation>
    </message>
    <message>
      <source>Aggregate-only mode keeps no student records on this computer, so no list of students can be shown. Viewing a student needs that student in your scope: sign in again without aggregate-only mode (Settings → Center server) and sync.</source>
      <translation>仅统计模式下本机不保存学生记录，不能显示学生名单。查看某个学生需要该学生在您的范围内：请在 设置 → 中心服务器 取消“仅统计模式”后重新登录并同步。</translation>
    </message>
  </context>
  <context>
    <name>DataSections</name>
    <message>
      <source>Coverage</source>
      <translation>覆盖看板</translation>
    </message>
    <message>
      <source>Visit planning</source>
      <translation>家访计划</translation>
    </message>
    <message>
      <source>Key support</source>
      <translation>重点帮扶</translation>
    </message>
    <message>
      <source>Wish lists</source>
      <translation>心愿单</translation>
    </message>
    <message>
      <source>Monitoring</source>
      <translation>监测反馈</translation>
    </message>
    <message>
      <source>Import and export</source>
      <translation>导入导出</translation>
    </message>
    <message>
      <source>No dropout</source>
      <translation>一个不失学</translation>
    </message>
    <message>
      <source>Academic gap</source>
      <translation>学业差距</translation>
    </message>
    <message>
      <source>Support activities</source>
      <translation>资助育人活动</translation>
    </message>
    <message>
      <source>Workload</source>
      <translation>工作量</translation>
    </message>
    <message>
      <source>Notices</source>
      <translation>公示</translation>
    </message>
  </context>
  <context>
    <name>ExportPanel</name>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>All years (coverage: current year)</source>
      <translation>全部学年（覆盖统计为当前学年）</translation>
    </message>
    <message>
      <source>Include ID numbers, phones, addresses and amounts</source>
      <translation>包含身份证件号、手机号、家庭住址和金额</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <source>Contents</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>JSON files (*.json)</source>
      <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
      <source>Choose what to export.</source>
      <translation>请选择导出内容。</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>已导出到 %1</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>File to import</source>
      <translation>要导入的文件</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Read the file</source>
      <translation>读取文件</translation>
    </message>
    <message>
      <source>A student roster or identification results, as .xlsx or .csv (first sheet).</source>
      <translation>学生名单或困难认定结果，.xlsx 或 .csv 文件（读取第一张工作表）。</translation>
    </message>
    <message>
      <source>Column in the file</source>
      <translation>文件中的列</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>对应字段</translation>
    </message>
    <message>
      <source>Save this mapping as (optional)</source>
      <translation>保存列对应关系为（可不填）</translation>
    </message>
    <message>
      <source>Check every row</source>
      <translation>逐行检查</translation>
    </message>
    <message>
      <source>Back to the mapping</source>
      <translation>返回列对应</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>数据导入</translation>
    </message>
    <message>
      <source>Import another file</source>
      <translation>导入另一个文件</translation>
    </message>
    <message>
      <source>Choose a file</source>
      <translation>选择文件</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.csv)</source>
      <translation>表格文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
      <source>Header row: %1 · sheet: %2</source>
      <translation>表头在第 %1 行 · 工作表：%2</translation>
    </message>
    <message>
      <source>saved mapping “%1” used</source>
      <translation>已使用保存的列对应关系“%1”</translation>
    </message>
    <message>
      <source>(ignore)</source>
      <translation>（不导入）</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行号</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Imported: %1 new, %2 updated.</source>
      <translation>导入完成：新增 %1 条，更新 %2 条。</translation>
    </message>
  </context>
  <context>
    <name>KeySupportPage</name>
    <message>
      <source>Include exited</source>
      <translation>包括已退出</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>学号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Difficulties</source>
      <translation>困难类型</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>纳入日期</translation>
    </message>
    <message>
      <source>Mentor</source>
      <translation>育人导师</translation>
    </message>
    <message>
      <source>Last support</source>
      <translation>最近帮扶</translation>
    </message>
    <message>
      <source>Sessions this year</source>
      <translation>本学年研讨次数</translation>
    </message>
    <message>
      <source>Start key support</source>
      <translation>纳入重点帮扶</translation>
    </message>
    <message>
      <source>Start (after a collective review)</source>
      <translation>纳入（经集体评议）</translation>
    </message>
    <message>
      <source>Review date</source>
      <translation>评议日期</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>参加人员</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>评议结论</translation>
    </message>
    <message>
      <source>Assign mentor</source>
      <translation>分配导师</translation>
    </message>
    <message>
      <source>Add to the support log</source>
      <translation>记入帮扶记录</translation>
    </message>
    <message>
      <source>Exit by review</source>
      <translation>经集体评议退出</translation>
    </message>
    <message>
      <source>Selected student</source>
      <translation>所选学生</translation>
    </message>
    <message>
      <source>Mentor (best match first)</source>
      <translation>导师（最匹配的在前）</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Goals</source>
      <translation>帮扶目标</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>帮扶计划</translation>
    </message>
    <message>
      <source>Support date</source>
      <translation>帮扶日期</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>形式</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>时长（分钟）</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>Exit date</source>
      <translation>退出日期</translation>
    </message>
    <message>
      <source>e.g. 王老师（辅导员）、钱老师（育人导师）</source>
      <translation>例如：王老师（辅导员）、钱老师（育人导师）</translation>
    </message>
    <message>
      <source>Student numbers, separated by commas</source>
      <translation>学号，用逗号分隔</translation>
    </message>
    <message>
      <source>Record the session</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Rescue education / case conference</source>
      <translation>救助性教育／集体教研</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Topic</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>Students discussed</source>
      <translation>研讨学生</translation>
    </message>
    <message>
      <source>Conclusions</source>
      <translation>结论</translation>
    </message>
    <message>
      <source>Measures</source>
      <translation>措施</translation>
    </message>
    <message>
      <source>First term (Sep–Feb)</source>
      <translation>第一学期（9月至次年2月）</translation>
    </message>
    <message>
      <source>Second term (Mar–Aug)</source>
      <translation>第二学期（3月至8月）</translation>
    </message>
    <message>
      <source>Staff no.</source>
      <translation>工号</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Students</source>
      <translation>帮扶学生</translation>
    </message>
    <message>
      <source>Support sessions</source>
      <translation>帮扶次数</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>时长（小时）</translation>
    </message>
    <message>
      <source>Case conferences</source>
      <translation>集体教研次数</translation>
    </message>
    <message>
      <source>Mentor workload</source>
      <translation>导师工作量</translation>
    </message>
    <message>
      <source>%1 (%2; %3 student(s) now)</source>
      <translation>%1（%2；现带 %3 名学生）</translation>
    </message>
    <message>
      <source>Enter the student no.</source>
      <translation>请填写学号。</translation>
    </message>
    <message>
      <source>Key support started.</source>
      <translation>已纳入重点帮扶。</translation>
    </message>
    <message>
      <source>Choose a student and a mentor.</source>
      <translation>请选择学生和导师。</translation>
    </message>
    <message>
      <source>Mentor assigned.</source>
      <translation>已分配导师。</translation>
    </message>
    <message>
      <source>Support logged.</source>
      <translation>已记入帮扶记录。</translation>
    </message>
    <message>
      <source>Key support ended.</source>
      <translation>已退出重点帮扶。</translation>
    </message>
    <message>
      <source>Enter the participants and the students discussed.</source>
      <translation>请填写参加人员和研讨学生。</translation>
    </message>
    <message>
      <source>Session recorded.</source>
      <translation>已记录。</translation>
    </message>
    <message>
      <source>Assign a mentor first</source>
      <translation>请先指定育人导师</translation>
    </message>
    <message>
      <source>Select a student in the list to assign a mentor, log support or record the exit review.</source>
      <translation>在左侧列表中选择一名学生后，可以指定育人导师、记录帮扶或登记退出评议。</translation>
    </message>
    <message>
      <source>This student has left key support; nothing more is recorded here.</source>
      <translation>该学生已退出重点帮扶，这里不再记录。</translation>
    </message>
    <message>
      <source>No student is in key support this academic year. Start key support above (a collective review); the student then appears in the list.</source>
      <translation>本学年还没有重点帮扶学生。请在上方启动重点帮扶（经集体评议），学生随后会出现在列表中。</translation>
    </message>
    <message>
      <source>no matching expertise</source>
      <translation>专长不相符</translation>
    </message>
    <message>
      <source>Reason (support center)</source>
      <translation>原因（支持中心填写）</translation>
    </message>
    <message>
      <source>Only when the mentor's expertise matches none of the student's needs</source>
      <translation>仅当导师专长与学生需求都不相符时填写</translation>
    </message>
    <message>
      <source>The key-support list is for the support centers and mentors. Open a student's profile to see that student's key support.</source>
      <translation>重点帮扶名单仅对学生发展支持中心和育人导师开放。请在学生档案中逐一查看本人学生的帮扶情况。</translation>
    </message>
  </context>
  <context>
    <name>MonitoringPage</name>
    <message>
      <source>Monitoring flags</source>
      <translation>监测反馈列表</translation>
    </message>
    <message>
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>Raised on</source>
      <translation>提出日期</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>学号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Actions taken</source>
      <translation>处理措施</translation>
    </message>
    <message>
      <source>Raise</source>
      <translation>提交</translation>
    </message>
    <message>
      <source>Raise a monitoring flag</source>
      <translation>提出监测反馈</translation>
    </message>
    <message>
      <source>Situation</source>
      <translation>情况说明</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Start handling</source>
      <translation>开始处理</translation>
    </message>
    <message>
      <source>Mark resolved</source>
      <translation>标记为已处理</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>重新处理</translation>
    </message>
    <message>
      <source>Handle the selected flag</source>
      <translation>处理所选反馈</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>处理说明</translation>
    </message>
    <message>
      <source>Resolved on</source>
      <translation>处理完成日期</translation>
    </message>
    <message>
      <source>Raise flags for these visits</source>
      <translation>为这些家访提出监测反馈</translation>
    </message>
    <message>
      <source>From home visits</source>
      <translation>来自家访</translation>
    </message>
    <message>
      <source>%1 home visit(s) this academic year record a recent shock or suggest a temporary subsidy, with no flag yet.</source>
      <translation>本学年有 %1 次家访记录了近期突发情况或建议临时困难补助，尚未提出监测反馈。</translation>
    </message>
    <message>
      <source>%1 flag(s) raised.</source>
      <translation>已提出 %1 条监测反馈。</translation>
    </message>
    <message>
      <source>Enter the student no. and the situation.</source>
      <translation>请填写学号和情况说明。</translation>
    </message>
    <message>
      <source>Flag raised.</source>
      <translation>已提交监测反馈。</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
  </context>
  <context>
    <name>VisitPlanningPage</name>
    <message>
      <source>Trip plan</source>
      <translation>行程安排</translation>
    </message>
    <message>
      <source>Students awaiting a visit</source>
      <translation>待家访学生</translation>
    </message>
    <message>
      <source>Plan checked students on this date</source>
      <translation>将勾选的学生安排在此日期</translation>
    </message>
    <message>
      <source>Remove checked students from the plan</source>
      <translation>取消勾选学生的计划</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Visit date</source>
      <translation>家访日期</translation>
    </message>
    <message>
      <source>Region / student</source>
      <translation>地区／学生</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>班级</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>计划日期</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>学号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>完成情况</translation>
    </message>
    <message>
      <source>Print blank forms for the students not yet visited…</source>
      <translation>打印未家访学生的空白家访记录表…</translation>
    </message>
    <message>
      <source>Not yet visited: %1 student(s) in %2 county/counties</source>
      <translation>待家访：%1 名学生，分布在 %2 个县（区）</translation>
    </message>
    <message>
      <source>%1 planned</source>
      <translation>已计划 %1 人</translation>
    </message>
    <message>
      <source>Visit before identification</source>
      <translation>先家访后认定</translation>
    </message>
    <message>
      <source>Plan: %1 student(s), %2 visited</source>
      <translation>家访计划：%1 名学生，已家访 %2 名</translation>
    </message>
    <message>
      <source>Visited %1</source>
      <translation>已家访（%1）</translation>
    </message>
    <message>
      <source>Not yet</source>
      <translation>未家访</translation>
    </message>
    <message>
      <source>Check the students to plan first.</source>
      <translation>请先勾选要安排的学生。</translation>
    </message>
    <message>
      <source>Every planned student has been visited.</source>
      <translation>计划中的学生都已家访。</translation>
    </message>
    <message>
      <source>Save blank forms</source>
      <translation>保存空白家访记录表</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Blank forms saved to %1</source>
      <translation>空白家访记录表已保存到 %1</translation>
    </message>
    <message>
      <source>Nothing planned yet. Check students on the left, choose a visit date above and press “Plan checked students on this date”.</source>
      <translation>还没有安排家访。请在左侧勾选学生，在上方选好家访日期，再点“将勾选的学生安排在此日期”。</translation>
    </message>
    <message>
      <source>Every student who needs a home visit this academic year has one. Students appear here once they are identified (or marked “visit before identification”) and not yet visited.</source>
      <translation>本学年需要家访的学生都已家访。学生完成认定（或标为“先家访后认定”）且尚未家访时，会出现在这里。</translation>
    </message>
  </context>
  <context>
    <name>WishListPage</name>
    <message>
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Providing department</source>
      <translation>提供部门</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>学号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Service items</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先级</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>确定</translation>
    </message>
    <message>
      <source>Move the selected wish list</source>
      <translation>更新所选心愿单状态</translation>
    </message>
    <message>
      <source>New status</source>
      <translation>新状态</translation>
    </message>
    <message>
      <source>Completed on</source>
      <translation>完成日期</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>反馈</translation>
    </message>
    <message>
      <source>Filled in on the latest home visit (paper form)</source>
      <translation>在最近一次家访时填写（纸质）</translation>
    </message>
    <message>
      <source>Add wish list</source>
      <translation>添加心愿单</translation>
    </message>
    <message>
      <source>New wish list</source>
      <translation>新增心愿单</translation>
    </message>
    <message>
      <source>Filled in by</source>
      <translation>填写人</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>具体需求</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Service item</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>The catalogue is kept by the school support center.</source>
      <translation>服务项目目录由学校学生发展支持中心维护。</translation>
    </message>
    <message>
      <source>Add service item</source>
      <translation>添加服务项目</translation>
    </message>
    <message>
      <source>Switch the selected item on or off</source>
      <translation>启用／停用所选项目</translation>
    </message>
    <message>
      <source>New service item</source>
      <translation>新增服务项目</translation>
    </message>
    <message>
      <source>Lists by department</source>
      <translation>按提供部门</translation>
    </message>
    <message>
      <source>Catalogue</source>
      <translation>服务项目目录</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>Enter the student no. and choose at least one service item.</source>
      <translation>请填写学号并至少选择一个服务项目。</translation>
    </message>
    <message>
      <source>Wish list added.</source>
      <translation>已添加心愿单。</translation>
    </message>
    <message>
      <source>Enter the service item.</source>
      <translation>请填写服务项目。</translation>
    </message>
    <message>
      <source>All departments</source>
      <translation>全部部门</translation>
    </message>
  </context>
  <context>
    <name>RecordDialog</name>
    <message>
      <source>Save (Ctrl+S)</source>
      <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Please correct the marked fields.</source>
      <translation>请修改标出的项目。</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Not saved.</source>
      <translation>未保存。</translation>
    </message>
    <message>
      <source>Saved: %1</source>
      <translation>已保存：%1</translation>
    </message>
  </context>
  <context>
    <name>AidDialog</name>
    <message>
      <source>New aid record</source>
      <translation>新增资助记录</translation>
    </message>
    <message>
      <source>Edit aid record</source>
      <translation>编辑资助记录</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>资助类型</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <source>Amount in yuan, or a position below</source>
      <translation>金额（元），或在下方填写岗位</translation>
    </message>
    <message>
      <source>Amount (yuan)</source>
      <translation>金额（元）</translation>
    </message>
    <message>
      <source>Position (work-study)</source>
      <translation>岗位（勤工助学）</translation>
    </message>
    <message>
      <source>Funding source</source>
      <translation>资金来源</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>RewardDialog</name>
    <message>
      <source>New growth reward</source>
      <translation>新增成长奖励</translation>
    </message>
    <message>
      <source>Edit growth reward</source>
      <translation>编辑成长奖励</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>奖励类别</translation>
    </message>
    <message>
      <source>Direct or indirect</source>
      <translation>奖励形式</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>内容</translation>
    </message>
    <message>
      <source>Yuan, if any</source>
      <translation>如有，填写金额（元）</translation>
    </message>
    <message>
      <source>Value (yuan)</source>
      <translation>价值（元）</translation>
    </message>
    <message>
      <source>Granted by</source>
      <translation>授予部门</translation>
    </message>
  </context>
  <context>
    <name>IdentificationDialog</name>
    <message>
      <source>Identification history</source>
      <translation>认定历史</translation>
    </message>
    <message>
      <source>New identification</source>
      <translation>新增认定记录</translation>
    </message>
    <message>
      <source>Edit identification</source>
      <translation>编辑认定记录</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>认定等级</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Date identified</source>
      <translation>认定日期</translation>
    </message>
    <message>
      <source>Special groups</source>
      <translation>特殊群体</translation>
    </message>
    <message>
      <source>Causes</source>
      <translation>致困原因</translation>
    </message>
    <message>
      <source>Household income per person (yuan/year)</source>
      <translation>家庭人均年收入（元）</translation>
    </message>
    <message>
      <source>Basis</source>
      <translation>认定依据</translation>
    </message>
    <message>
      <source>Identified without application</source>
      <translation>免申即享</translation>
    </message>
    <message>
      <source>Visit first, then set the level (new student)</source>
      <translation>先家访后认定（新生）</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Status recorded</source>
      <translation>记录初始状态</translation>
    </message>
    <message>
      <source>When the status or level changes</source>
      <translation>状态或等级变更</translation>
    </message>
    <message>
      <source>e.g. first semester</source>
      <translation>例如：第一学期</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Semester</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>变更说明</translation>
    </message>
    <message>
      <source>Changing the status or the level adds a line to the history.</source>
      <translation>更改状态或等级时，会在变更记录中新增一行。</translation>
    </message>
    <message>
      <source>No change recorded yet.</source>
      <translation>尚无变更记录。</translation>
    </message>
    <message>
      <source>History</source>
      <translation>变更记录</translation>
    </message>
    <message>
      <source>Not saved: the key support continues.</source>
      <translation>未保存：重点帮扶继续。</translation>
    </message>
    <message>
      <source>With this level the student is no longer identified as needing support this year, so the student's key support ends (the reason above is recorded). Continue?</source>
      <translation>按此等级，该学生本学年不再属于资助对象，其重点帮扶将随之结束（记录上面填写的原因）。确定继续吗？</translation>
    </message>
    <message>
      <source>End key support</source>
      <translation>结束重点帮扶</translation>
    </message>
    <message>
      <source>Exception to visit first</source>
      <translation>先家访后认定例外原因</translation>
    </message>
    <message>
      <source>A new student's level needs a pre-identification visit with its conclusion first. Only a support center may record an exception here.</source>
      <translation>新生须先完成“认定前核实”家访并填写核实结论，再设定等级；例外原因只能由学生发展支持中心填写。</translation>
    </message>
    <message>
      <source>Aid decision</source>
      <translation>资助决定</translation>
    </message>
  </context>
  <context>
    <name>RecordTabActions</name>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Add identification…</source>
      <translation>新增认定记录…</translation>
    </message>
    <message>
      <source>Add aid…</source>
      <translation>新增资助记录…</translation>
    </message>
    <message>
      <source>Add growth reward…</source>
      <translation>新增成长奖励…</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Delete this identification, with its history?</source>
      <translation>删除这条认定记录及其变更记录？</translation>
    </message>
    <message>
      <source>Delete this aid record?</source>
      <translation>删除这条资助记录？</translation>
    </message>
    <message>
      <source>Delete this growth reward?</source>
      <translation>删除这条成长奖励？</translation>
    </message>
    <message>
      <source>Delete this record?</source>
      <translation>删除这条记录？</translation>
    </message>
    <message>
      <source>Not deleted.</source>
      <translation>未删除。</translation>
    </message>
    <message>
      <source>Raise flag…</source>
      <translation>新增监测反馈…</translation>
    </message>
    <message>
      <source>Add wish…</source>
      <translation>新增心愿…</translation>
    </message>
    <message>
      <source>Add talk…</source>
      <translation>新增个别交流…</translation>
    </message>
    <message>
      <source>Delete this talk?</source>
      <translation>删除这条个别交流记录？</translation>
    </message>
  </context>
  <context>
    <name>ConflictListModel</name>
    <message>
      <source>Student</source>
      <translation>学生</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>Kept by the center</source>
      <translation>中心保留的值</translation>
    </message>
    <message>
      <source>Also entered</source>
      <translation>另一处录入的值</translation>
    </message>
    <message>
      <source>(school-wide)</source>
      <translation>（全校记录）</translation>
    </message>
    <message>
      <source>(deleted)</source>
      <translation>（已删除）</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
  </context>
  <context>
    <name>ConflictReviewDialog</name>
    <message>
      <source>Sync conflicts</source>
      <translation>同步冲突</translation>
    </message>
    <message>
      <source>Review sync conflicts</source>
      <translation>处理同步冲突</translation>
    </message>
    <message>
      <source>Kept by the center (arrived first)</source>
      <translation>中心保留的值（先到达）</translation>
    </message>
    <message>
      <source>Also entered</source>
      <translation>另一处录入的值</translation>
    </message>
    <message>
      <source>Or type the right value</source>
      <translation>或直接输入正确的值</translation>
    </message>
    <message>
      <source>Save this value</source>
      <translation>保存此值</translation>
    </message>
    <message>
      <source>No conflicts are waiting for review.</source>
      <translation>没有待处理的冲突。</translation>
    </message>
    <message>
      <source>School-wide record</source>
      <translation>全校记录</translation>
    </message>
    <message>
      <source>The record is not on this computer (it was deleted), so this conflict cannot be resolved here.</source>
      <translation>这条记录已不在本机（已被删除），无法在此处理该冲突。</translation>
    </message>
    <message>
      <source>One side deleted the record while the other changed it. The record is kept until you decide.</source>
      <translation>一方删除了这条记录，另一方修改了它。在您决定之前，记录予以保留。</translation>
    </message>
    <message>
      <source>The same field was changed on two computers. Choose the right value or type it.</source>
      <translation>同一项内容在两台电脑上被改成了不同的值。请选择正确的值，或直接输入。</translation>
    </message>
    <message>
      <source>Keep the record as it is</source>
      <translation>保留记录现状</translation>
    </message>
    <message>
      <source>One side deleted the record while the other changed it. The center kept the deletion: restore the record with the changed values, or accept the deletion.</source>
      <translation>一方删除了这条记录，另一方修改了它。中心保留了删除：可以按修改后的内容恢复这条记录，也可以接受删除。</translation>
    </message>
    <message>
      <source>Accept the deletion</source>
      <translation>接受删除</translation>
    </message>
    <message>
      <source>Restore with these values</source>
      <translation>按此内容恢复</translation>
    </message>
    <message>
      <source>Delete the record</source>
      <translation>删除这条记录</translation>
    </message>
    <message>
      <source>Use this value</source>
      <translation>采用此值</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Saved. The decision goes to the center with the next sync.</source>
      <translation>已保存。处理结果将在下次同步时发送到中心。</translation>
    </message>
    <message>
      <source>That did not work (%1).</source>
      <translation>操作未成功（%1）。</translation>
    </message>
  </context>
  <context>
    <name>ServerAccountPanel</name>
    <message>
      <source>Only if your college uses its own certificate authority</source>
      <translation>仅当学院使用自己的证书颁发机构时填写</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>CA certificate</source>
      <translation>CA 证书</translation>
    </message>
    <message>
      <source>Trusted: %1 (choose another file to replace it)</source>
      <translation>已信任：%1（选择其他文件可替换）</translation>
    </message>
    <message>
      <source>College CA certificate</source>
      <translation>学院 CA 证书</translation>
    </message>
    <message>
      <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
      <translation>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Center server</source>
      <translation>中心服务器</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Log in and register this computer</source>
      <translation>登录并登记本机</translation>
    </message>
    <message>
      <source>Sign out on this computer</source>
      <translation>本机退出登录</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>账号</translation>
    </message>
    <message>
      <source>Export sync log…</source>
      <translation>导出同步日志…</translation>
    </message>
    <message>
      <source>Sync log</source>
      <translation>同步日志</translation>
    </message>
    <message>
      <source>Logged in to %1 as %2</source>
      <translation>已以 %2 登录 %1</translation>
    </message>
    <message>
      <source>Not logged in</source>
      <translation>未登录</translation>
    </message>
    <message>
      <source>Please enter the server address, starting with https://</source>
      <translation>请输入以 https:// 开头的服务器地址</translation>
    </message>
    <message>
      <source>Please enter the user name and the password.</source>
      <translation>请输入用户名和密码。</translation>
    </message>
    <message>
      <source>Logging in…</source>
      <translation>正在登录…</translation>
    </message>
    <message>
      <source>Logged in as %1 (%2). This computer is registered; you can sync now.</source>
      <translation>已登录：%1（%2）。本机已登记，现在可以同步。</translation>
    </message>
    <message>
      <source>Login failed: %1</source>
      <translation>登录失败：%1</translation>
    </message>
    <message>
      <source>Export sync log</source>
      <translation>导出同步日志</translation>
    </message>
    <message>
      <source>Text files (*.txt)</source>
      <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
      <source>Sync log saved (%1 lines): %2</source>
      <translation>同步日志已保存（%1 行）：%2</translation>
    </message>
    <message>
      <source>The sync log could not be saved (%1).</source>
      <translation>同步日志未能保存（%1）。</translation>
    </message>
    <message>
      <source>Pin the server's certificate (refuse any other certificate later)</source>
      <translation>固定服务器证书（以后拒绝其他证书）</translation>
    </message>
    <message>
      <source>Server certificate</source>
      <translation>服务器证书</translation>
    </message>
    <message>
      <source>None (not an https connection)</source>
      <translation>无（不是 https 连接）</translation>
    </message>
    <message>
      <source>SHA-256 %1 (pinned)</source>
      <translation>SHA-256 %1（已固定）</translation>
    </message>
    <message>
      <source>SHA-256 %1 (not pinned)</source>
      <translation>SHA-256 %1（未固定）</translation>
    </message>
    <message>
      <source>Refused: over http:// the user name, the password and the student records would cross the network in clear text, readable by anyone on the campus network. Use the center's https:// address.</source>
      <translation>已拒绝：使用 http:// 时，用户名、密码和学生资料会以明文在网络上传输，校园网中的任何人都能读取。请使用中心的 https:// 地址。</translation>
    </message>
    <message>
      <source>Compare the certificate's SHA-256 fingerprint with the one the center published: %1</source>
      <translation>请将服务器证书的 SHA-256 指纹与中心公布的指纹核对：%1</translation>
    </message>
    <message>
      <source>Forget the pinned certificate</source>
      <translation>忘记已固定的证书</translation>
    </message>
    <message>
      <source>Only after the center renewed its certificate and you checked the new fingerprint</source>
      <translation>仅在中心更换证书、且您已核对新指纹之后使用</translation>
    </message>
    <message>
      <source>Aggregate-only mode (school center: no student records on this computer)</source>
      <translation>仅统计模式（学校中心：本机不保存学生记录）</translation>
    </message>
  </context>
  <context>
    <name>SideBox</name>
    <message>
      <source>(deleted)</source>
      <translation>（已删除）</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <source>another user</source>
      <translation>其他用户</translation>
    </message>
    <message>
      <source>Entered by %1, reached the center %2</source>
      <translation>由 %1 录入，%2 到达中心</translation>
    </message>
  </context>
  <context>
    <name>SyncNotices</name>
    <message numerus="yes">
      <source>%n change(s) use fields the center's server does not support yet; they are kept on this computer and sent once the administrator upgrades the server.</source>
      <translation>
        <numerusform>%n 项修改含有中心服务器尚不支持的新字段，已保留在本机（不会丢失），待管理员升级中心服务器后发送。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n record(s) from the center could not be read by this version of the app and were kept in the quarantine; please upgrade the app.</source>
      <translation>
        <numerusform>中心的 %n 条记录本版本软件无法读取，已移入隔离区（未丢弃）；请将本软件升级到最新版本。</numerusform>
      </translation>
    </message>
    <message>
      <source>Export quarantine…</source>
      <translation>导出隔离区…</translation>
    </message>
    <message>
      <source>Open settings</source>
      <translation>打开设置</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>知道了</translation>
    </message>
    <message numerus="yes">
      <source> and %n more</source>
      <translation>
        <numerusform> 等另外 %n 名</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n student(s) were reassigned to another counselor and removed from this computer: %1. Changes to them made here before the reassignment were sent to the center.</source>
      <translation>
        <numerusform>%n 名学生已调整给其他老师，已从本机移除：%1。调整前在本机对他们所做的修改已发送到中心。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n change(s) could not be delivered and were kept in the quarantine; export them to pass them on.</source>
      <translation>
        <numerusform>%n 项修改未能送达，已保存在隔离区；请导出后转交。</numerusform>
      </translation>
    </message>
    <message>
      <source>The administrator revoked this computer's access to the center (%1). Your data here is kept. Log in again in Settings to sync.</source>
      <translation>管理员已停用本机访问中心的权限（%1）。本机数据仍然保留。请在设置中重新登录后再同步。</translation>
    </message>
    <message>
      <source>The administrator ordered the data on this computer deleted (%1). The student data and unsent changes have been removed from this computer.</source>
      <translation>管理员已要求删除本机数据（%1）。本机上的学生资料和未发送的修改已被删除。</translation>
    </message>
    <message>
      <source>Export quarantine</source>
      <translation>导出隔离区</translation>
    </message>
    <message>
      <source>JSON files (*.json)</source>
      <translation>JSON 文件 (*.json)</translation>
    </message>
    <message numerus="yes">
      <source>%n quarantined change(s) saved to %1</source>
      <translation>
        <numerusform>已将隔离区中的 %n 项修改保存到 %1</numerusform>
      </translation>
    </message>
    <message>
      <source>The quarantine could not be exported (%1).</source>
      <translation>隔离区未能导出（%1）。</translation>
    </message>
  </context>
  <context>
    <name>SyncParts</name>
    <message>
      <source>Sync now</source>
      <translation>立即同步</translation>
    </message>
  </context>
  <context>
    <name>SyncStatusItem</name>
    <message>
      <source>Receiving students new to this computer… %1 of %2</source>
      <translation>正在接收新分配到本机的学生… 第 %1 / %2 名</translation>
    </message>
    <message>
      <source>Removing reassigned students… %1</source>
      <translation>正在移除已调整给其他老师的学生… %1 名</translation>
    </message>
    <message>
      <source>Sending photos…</source>
      <translation>正在发送照片…</translation>
    </message>
    <message>
      <source>Receiving photos… %1 of %2</source>
      <translation>正在接收照片… 第 %1 张，共 %2 张</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>Sync with the center (Ctrl+Shift+S or F5)</source>
      <translation>与中心同步（Ctrl+Shift+S 或 F5）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Not connected to the center</source>
      <translation>未连接中心</translation>
    </message>
    <message numerus="yes">
      <source>%n change(s) waiting</source>
      <translation>
        <numerusform>%n 项修改待同步</numerusform>
      </translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>last sync %1</source>
      <translation>上次同步 %1</translation>
    </message>
    <message numerus="yes">
      <source>%n conflict(s) to review</source>
      <translation>
        <numerusform>%n 个冲突待处理</numerusform>
      </translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>正在同步…</translation>
    </message>
    <message>
      <source>Sending changes… %1 of %2</source>
      <translation>正在发送修改… %1/%2</translation>
    </message>
    <message>
      <source>Receiving… %1 records</source>
      <translation>正在接收… %1 条</translation>
    </message>
    <message>
      <source>Synced</source>
      <translation>同步完成</translation>
    </message>
    <message>
      <source>Sync cancelled</source>
      <translation>同步已取消</translation>
    </message>
    <message>
      <source>Sync failed: %1</source>
      <translation>同步失败：%1</translation>
    </message>
  </context>
  <context>
    <name>WishItemsPicker</name>
    <message>
      <source>Service item</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <source>Provided by</source>
      <translation>提供部门</translation>
    </message>
    <message>
      <source>%1 (retired)</source>
      <translation>%1（已停用）</translation>
    </message>
  </context>
  <context>
    <name>VisitPhotos</name>
    <message>
      <source>Add photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <source>Remove photo</source>
      <translation>删除照片</translation>
    </message>
    <message>
      <source>Add photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</source>
      <translation>图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</translation>
    </message>
    <message>
      <source>This photo is already attached.</source>
      <translation>这张照片已添加。</translation>
    </message>
    <message>
      <source>The photo could not be added.</source>
      <translation>照片未能添加。</translation>
    </message>
  </context>
  <context>
    <name>VisitWishPanel</name>
    <message>
      <source>Wish list filled in on this visit</source>
      <translation>本次家访填写的心愿单</translation>
    </message>
    <message>
      <source>Service items</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <source>Filled in by</source>
      <translation>填写人</translation>
    </message>
    <message>
      <source>How</source>
      <translation>填写方式</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先级</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>具体需求</translation>
    </message>
    <message>
      <source>Choose at least one service item from the wish list.</source>
      <translation>请从心愿单中至少选择一个服务项目。</translation>
    </message>
  </context>
  <context>
    <name>ShockFlagOffer</name>
    <message>
      <source>Raise monitoring flag</source>
      <translation>提出监测反馈</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>暂不</translation>
    </message>
    <message>
      <source>Situation</source>
      <translation>情况说明</translation>
    </message>
    <message>
      <source>Suggested action</source>
      <translation>建议措施</translation>
    </message>
    <message>
      <source>The visit to %1 records a recent emergency in the family. Raise a monitoring flag (sudden family change) so that a temporary hardship subsidy can be considered?</source>
      <translation>%1 的家访记录了家庭近期突发情况。是否提出监测反馈（家庭突发变故），以便评估临时困难补助？</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Monitoring flag raised; the center will see it under monitoring feedback.</source>
      <translation>已提出监测反馈，支持中心可在“监测反馈”中查看。</translation>
    </message>
    <message>
      <source>A monitoring flag for this visit was raised already.</source>
      <translation>这次家访的监测反馈此前已经提出。</translation>
    </message>
    <message>
      <source>Not saved.</source>
      <translation>未保存。</translation>
    </message>
    <message>
      <source>The visit to %1 suggests a temporary hardship subsidy. Raise a monitoring flag (sudden family change) so that it can be considered?</source>
      <translation>%1 的家访建议给予临时困难补助。是否提出监测反馈（家庭突发变故），以便评估？</translation>
    </message>
  </context>
  <context>
    <name>WorkflowDialog</name>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Move to %1</source>
      <translation>转为%1</translation>
    </message>
    <message>
      <source>Next steps</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>None (finished)</source>
      <translation>无（已结束）</translation>
    </message>
  </context>
  <context>
    <name>FlagDialog</name>
    <message>
      <source>Raise a monitoring flag</source>
      <translation>提出监测反馈</translation>
    </message>
    <message>
      <source>Monitoring flag</source>
      <translation>监测反馈</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>反馈类型</translation>
    </message>
    <message>
      <source>Date raised</source>
      <translation>提出日期</translation>
    </message>
    <message>
      <source>Situation</source>
      <translation>情况说明</translation>
    </message>
    <message>
      <source>Actions taken</source>
      <translation>处理措施</translation>
    </message>
    <message>
      <source>Notes on handling</source>
      <translation>处理说明</translation>
    </message>
    <message>
      <source>Resolved on</source>
      <translation>处理完成日期</translation>
    </message>
  </context>
  <context>
    <name>WishDialog</name>
    <message>
      <source>New wish</source>
      <translation>新增心愿</translation>
    </message>
    <message>
      <source>Wish</source>
      <translation>心愿</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Service items</source>
      <translation>服务项目</translation>
    </message>
    <message>
      <source>Filled in by</source>
      <translation>填写人</translation>
    </message>
    <message>
      <source>How</source>
      <translation>填写方式</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先级</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>具体需求</translation>
    </message>
    <message>
      <source>Responsible person</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Completed on</source>
      <translation>完成日期</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>反馈</translation>
    </message>
  </context>
  <context>
    <name>PassphraseHint</name>
    <message>
      <source>Not accepted: %1</source>
      <translation>不符合要求：%1</translation>
    </message>
    <message>
      <source>Accepted. A few more words would make it stronger.</source>
      <translation>可以使用。再加几个词会更安全。</translation>
    </message>
    <message>
      <source>Strong.</source>
      <translation>强。</translation>
    </message>
  </context>
  <context>
    <name>CenterPanel</name>
    <message>
      <source>Expertise saved.</source>
      <translation>专长已保存。</translation>
    </message>
    <message>
      <source>Complete: counted in the coverage.</source>
      <translation>信息完整，已计入覆盖统计。</translation>
    </message>
    <message>
      <source>Not counted yet in the coverage; missing: %1</source>
      <translation>尚未计入覆盖统计，缺少：%1</translation>
    </message>
    <message>
      <source>Expertise</source>
      <translation>专长</translation>
    </message>
    <message>
      <source>Mentor</source>
      <translation>育人导师</translation>
    </message>
    <message>
      <source>Save expertise</source>
      <translation>保存专长</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>成员</translation>
    </message>
    <message>
      <source>Deputies</source>
      <translation>副主任</translation>
    </message>
    <message>
      <source>Director</source>
      <translation>主任</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>阵地（地点/房间）</translation>
    </message>
    <message>
      <source>Center</source>
      <translation>支持中心</translation>
    </message>
    <message>
      <source>Save center</source>
      <translation>保存支持中心</translation>
    </message>
    <message>
      <source>Names, separated by commas</source>
      <translation>姓名，用逗号分隔</translation>
    </message>
    <message>
      <source>Building and room</source>
      <translation>楼宇和房间</translation>
    </message>
    <message>
      <source>Student Development Support Center</source>
      <translation>学生发展支持中心</translation>
    </message>
  </context>
  <context>
    <name>CaseReviewDialog</name>
    <message>
      <source>Case review</source>
      <translation>个案评议</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>评议结论</translation>
    </message>
    <message>
      <source>Names, separated by 、</source>
      <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
      <source>Record a case review</source>
      <translation>录入个案评议</translation>
    </message>
    <message>
      <source>Reviewed for</source>
      <translation>评议事项</translation>
    </message>
    <message>
      <source>Reviewed on</source>
      <translation>评议日期</translation>
    </message>
    <message>
      <source>Reviewers</source>
      <translation>评议人员</translation>
    </message>
    <message>
      <source>What was offered</source>
      <translation>提供的帮扶</translation>
    </message>
  </context>
  <context>
    <name>EnrolmentDialog</name>
    <message>
      <source>Case review (required for a disadvantaged student's withdrawal)</source>
      <translation>个案评议（家庭经济困难学生退学必填）</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>评议结论</translation>
    </message>
    <message>
      <source>Edit enrolment status</source>
      <translation>修改学籍状态</translation>
    </message>
    <message>
      <source>Effective from</source>
      <translation>生效日期</translation>
    </message>
    <message>
      <source>Enrolment status</source>
      <translation>学籍状态</translation>
    </message>
    <message>
      <source>Names, separated by 、</source>
      <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Pending application</source>
      <translation>申请中的学籍变动</translation>
    </message>
    <message>
      <source>Record enrolment status</source>
      <translation>录入学籍状态</translation>
    </message>
    <message>
      <source>Reviewed on</source>
      <translation>评议日期</translation>
    </message>
    <message>
      <source>Reviewers</source>
      <translation>评议人员</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>What was offered</source>
      <translation>提供的帮扶</translation>
    </message>
    <message>
      <source>Who reviewed, when, and what was offered (aid, a mentor, leave instead of withdrawal…).</source>
      <translation>谁在何时评议、提供了哪些帮扶（资助、育人导师、以休学代替退学……）。</translation>
    </message>
    <message>
      <source>Enter the day of the review</source>
      <translation>请填写评议日期</translation>
    </message>
  </context>
  <context>
    <name>EnrolmentTab</name>
    <message>
      <source>Case reviews</source>
      <translation>个案评议</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>评议结论</translation>
    </message>
    <message>
      <source>Effective from</source>
      <translation>生效日期</translation>
    </message>
    <message>
      <source>Enrolment status</source>
      <translation>学籍状态</translation>
    </message>
    <message>
      <source>No case review recorded.</source>
      <translation>尚无个案评议记录。</translation>
    </message>
    <message>
      <source>No enrolment status recorded.</source>
      <translation>尚无学籍状态记录。</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Pending application</source>
      <translation>申请中的学籍变动</translation>
    </message>
    <message>
      <source>Reviewed for</source>
      <translation>评议事项</translation>
    </message>
    <message>
      <source>Reviewed on</source>
      <translation>评议日期</translation>
    </message>
    <message>
      <source>Reviewers</source>
      <translation>评议人员</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>What was offered</source>
      <translation>提供的帮扶</translation>
    </message>
  </context>
  <context>
    <name>WatchListPage</name>
    <message>
      <source>The watch list is for the support centers and counselors.</source>
      <translation>一个不失学关注名单供学生发展支持中心和辅导员使用。</translation>
    </message>
    <message>
      <source>All colleges</source>
      <translation>全部学院</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>学号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>班级</translation>
    </message>
    <message>
      <source>Counselor</source>
      <translation>辅导员</translation>
    </message>
    <message>
      <source>Reasons</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Students on the watch list</source>
      <translation>关注名单中的学生</translation>
    </message>
    <message>
      <source>Identified on</source>
      <translation>认定日期</translation>
    </message>
    <message>
      <source>Days overdue</source>
      <translation>超期天数</translation>
    </message>
    <message>
      <source>Aid to record</source>
      <translation>待录入资助</translation>
    </message>
    <message>
      <source>Watch list</source>
      <translation>关注名单</translation>
    </message>
    <message>
      <source>Aid to record (identified without application)</source>
      <translation>免申即享待录入资助</translation>
    </message>
    <message>
      <source>Disadvantaged students on leave, withdrawn or applying for it, with failed courses at the threshold in their latest term, or a psychological/life flag unresolved for 30 days. Double-click a student to open the profile.</source>
      <translation>家庭经济困难学生中休学、退学或正在申请的，最近学期不及格门数达到预警值的，或心理/生活异常反馈 30 天未解决的。双击学生打开档案。</translation>
    </message>
    <message>
      <source>On the watch list: %1 · aid to record: %2 · warning at %3 failed course(s)</source>
      <translation>关注 %1 人 · 待录入资助 %2 人 · 不及格 %3 门及以上预警</translation>
    </message>
    <message>
      <source>Watch list (%1)</source>
      <translation>关注名单（%1）</translation>
    </message>
    <message>
      <source>Aid to record (identified without application) (%1)</source>
      <translation>免申即享待录入资助（%1）</translation>
    </message>
  </context>
  <context>
    <name>AcademicGapPage</name>
    <message>
      <source>The academic gap is for the support centers. A student's own results are in the profile's “Academic results” tab.</source>
      <translation>学业差距仅供学生发展支持中心查看。学生本人的成绩见学生档案的“学业成绩”页。</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>All colleges</source>
      <translation>全部学院</translation>
    </message>
    <message>
      <source>Enter a college benchmark…</source>
      <translation>录入学院基准…</translation>
    </message>
    <message>
      <source>Definition: </source>
      <translation>统计口径：</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>年级</translation>
    </message>
    <message>
      <source>Disadvantaged</source>
      <translation>困难学生</translation>
    </message>
    <message>
      <source>With results</source>
      <translation>有成绩</translation>
    </message>
    <message>
      <source>Their median GPA</source>
      <translation>困难学生绩点中位数</translation>
    </message>
    <message>
      <source>College median GPA</source>
      <translation>学院绩点中位数</translation>
    </message>
    <message>
      <source>GPA gap</source>
      <translation>绩点差距</translation>
    </message>
    <message>
      <source>vs. a year earlier</source>
      <translation>较上年同期</translation>
    </message>
    <message>
      <source>Their pass rate</source>
      <translation>困难学生通过率</translation>
    </message>
    <message>
      <source>College pass rate</source>
      <translation>学院通过率</translation>
    </message>
    <message>
      <source>Pass-rate gap (points)</source>
      <translation>通过率差距(百分点)</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Academic gap by college and grade</source>
      <translation>各学院、年级的学业差距</translation>
    </message>
    <message>
      <source>Select a row to see its trend.</source>
      <translation>选中一行可查看其历年趋势。</translation>
    </message>
    <message>
      <source>Trend of the selected college and grade</source>
      <translation>所选学院、年级的历年趋势</translation>
    </message>
    <message>
      <source>No college or grade has disadvantaged students or a benchmark in this term.</source>
      <translation>该学期没有任何学院、年级有困难学生或学院基准。</translation>
    </message>
    <message>
      <source>Trend: %1, grade %2</source>
      <translation>历年趋势：%1 %2 级</translation>
    </message>
  </context>
  <context>
    <name>BenchmarkDialog</name>
    <message>
      <source>College academic benchmark</source>
      <translation>学院学业基准</translation>
    </message>
    <message>
      <source>(not given)</source>
      <translation>（不填）</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>Grade (year of entry)</source>
      <translation>年级（入学年份）</translation>
    </message>
    <message>
      <source>Median GPA of the college</source>
      <translation>学院绩点中位数</translation>
    </message>
    <message>
      <source>Pass rate of the college</source>
      <translation>学院通过率</translation>
    </message>
    <message>
      <source>Students counted (optional)</source>
      <translation>统计人数（可不填）</translation>
    </message>
    <message>
      <source>The college's figures for all its students of this grade, as the academic affairs office reports them. Pass rate: the share of students who failed no course this term.</source>
      <translation>填写教务部门统计的本学院该年级全体学生的数字（只是汇总数，不含任何学生个人的成绩）。通过率：本学期没有不及格课程的学生所占比例。</translation>
    </message>
    <message>
      <source>No college to enter a benchmark for.</source>
      <translation>没有可录入基准的学院。</translation>
    </message>
    <message>
      <source>Not entered yet for this college, term and grade.</source>
      <translation>该学院此学期、此年级尚未录入。</translation>
    </message>
    <message>
      <source>Entered before: saving changes the stored figures.</source>
      <translation>此前已录入：保存将更新已有数字。</translation>
    </message>
    <message>
      <source>Not saved.</source>
      <translation>未保存。</translation>
    </message>
  </context>
  <context>
    <name>ActivityDialog</name>
    <message>
      <source>Whole school</source>
      <translation>全校</translation>
    </message>
  </context>
  <context>
    <name>EvaluationDialog</name>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>班级</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>测评结论</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Edit democratic evaluation</source>
      <translation>编辑民主测评</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>后续处理</translation>
    </message>
    <message>
      <source>Issues found</source>
      <translation>发现的问题</translation>
    </message>
    <message>
      <source>New democratic evaluation</source>
      <translation>新增民主测评</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>参加人数</translation>
    </message>
    <message>
      <source>Students evaluated</source>
      <translation>测评学生数</translation>
    </message>
    <message>
      <source>The issue only, without students' names (seen school-wide)</source>
      <translation>只写问题，不写学生姓名（全校可见）</translation>
    </message>
  </context>
  <context>
    <name>IntegrityDialog</name>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>活动内容</translation>
    </message>
    <message>
      <source>Edit integrity-education activity</source>
      <translation>编辑诚信教育活动</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>形式</translation>
    </message>
    <message>
      <source>New integrity-education activity</source>
      <translation>新增诚信教育活动</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>参加人数</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>名称</translation>
    </message>
  </context>
  <context>
    <name>PolicyActivitiesPage</name>
    <message>
      <source>%1 activities recorded for %2.</source>
      <translation>%2 学年共记录 %1 项活动。</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Approved on</source>
      <translation>立项日期</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>班级</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Concluded on</source>
      <translation>结题日期</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>测评结论</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Delete this activity?</source>
      <translation>删除这条活动记录？</translation>
    </message>
    <message>
      <source>Deleted.</source>
      <translation>已删除。</translation>
    </message>
    <message>
      <source>Democratic evaluations</source>
      <translation>民主测评</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Evaluated</source>
      <translation>测评学生数</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>形式</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>学时</translation>
    </message>
    <message>
      <source>Integrity education</source>
      <translation>诚信教育</translation>
    </message>
    <message>
      <source>Issues found</source>
      <translation>发现的问题</translation>
    </message>
    <message>
      <source>Leader</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Organiser</source>
      <translation>组织单位</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>参加人数</translation>
    </message>
    <message>
      <source>Research projects</source>
      <translation>专项研究</translation>
    </message>
    <message>
      <source>Staff training</source>
      <translation>资助工作者培训</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Trainees</source>
      <translation>参训人员</translation>
    </message>
    <message>
      <source>Whole school</source>
      <translation>全校</translation>
    </message>
  </context>
  <context>
    <name>ProjectDialog</name>
    <message>
      <source>Approved on</source>
      <translation>立项日期</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Concluded on</source>
      <translation>结题日期</translation>
    </message>
    <message>
      <source>Edit research project</source>
      <translation>编辑专项研究</translation>
    </message>
    <message>
      <source>Leader</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>New research project</source>
      <translation>新增专项研究</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>研究成果</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>名称</translation>
    </message>
  </context>
  <context>
    <name>TalkDialog</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Edit one-to-one talk</source>
      <translation>编辑个别交流</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>后续跟进</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>New one-to-one talk</source>
      <translation>新增个别交流</translation>
    </message>
    <message>
      <source>Topics</source>
      <translation>交流主题</translation>
    </message>
    <message>
      <source>What was said</source>
      <translation>交流情况</translation>
    </message>
    <message>
      <source>e.g. studies, family, health, plans</source>
      <translation>如：学业、家庭、身体、规划</translation>
    </message>
  </context>
  <context>
    <name>TrainingDialog</name>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Edit staff training</source>
      <translation>编辑资助工作者培训</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>学时</translation>
    </message>
    <message>
      <source>Names, separated by 、 or commas</source>
      <translation>姓名，用“、”或逗号分隔</translation>
    </message>
    <message>
      <source>New staff training</source>
      <translation>新增资助工作者培训</translation>
    </message>
    <message>
      <source>Organiser</source>
      <translation>组织单位</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Trainees</source>
      <translation>参训人员</translation>
    </message>
  </context>
  <context>
    <name>WorkloadPage</name>
    <message>
      <source>Whole school</source>
      <translation>全校</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>Forms to sign (PDF)…</source>
      <translation>认定表 PDF…</translation>
    </message>
    <message>
      <source>One form per teacher; only the selected teacher's when a row is selected</source>
      <translation>每位教师一份认定表；选中某行时只生成该教师的</translation>
    </message>
    <message>
      <source>Confirm this term…</source>
      <translation>确认本学期工作量…</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>学期</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Staff no.</source>
      <translation>工号</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>身份</translation>
    </message>
    <message>
      <source>Students mentored</source>
      <translation>带教学生</translation>
    </message>
    <message>
      <source>Mentor sessions</source>
      <translation>导师帮扶(次)</translation>
    </message>
    <message>
      <source>Mentor minutes</source>
      <translation>导师帮扶(分钟)</translation>
    </message>
    <message>
      <source>Rescue education</source>
      <translation>救助性教育</translation>
    </message>
    <message>
      <source>Case conferences</source>
      <translation>集体教研</translation>
    </message>
    <message>
      <source>Home visits</source>
      <translation>家访(次)</translation>
    </message>
    <message>
      <source>Visits by mode</source>
      <translation>家访形式</translation>
    </message>
    <message>
      <source>Visit hours</source>
      <translation>家访(小时)</translation>
    </message>
    <message>
      <source>Wish services</source>
      <translation>心愿单服务</translation>
    </message>
    <message>
      <source>Late entries</source>
      <translation>补录</translation>
    </message>
    <message>
      <source>The workload could not be shown.</source>
      <translation>无法显示工作量。</translation>
    </message>
    <message>
      <source>Confirmed on %1 by %2: these figures are frozen; later entries count in the next term.</source>
      <translation>已于 %1 由 %2 确认：数字已冻结，其后补录的活动计入下一学期。</translation>
    </message>
    <message>
      <source>Some colleges' figures are confirmed, others are not yet.</source>
      <translation>部分学院的工作量已确认，其余尚未确认。</translation>
    </message>
    <message>
      <source>Not confirmed yet: the figures change as records are added.</source>
      <translation>尚未确认：数字会随记录的增加而变化。</translation>
    </message>
    <message>
      <source>Names that are no teacher's (not counted): %1</source>
      <translation>未能对应到教师的姓名（未计入）：%1</translation>
    </message>
    <message>
      <source>Export workload</source>
      <translation>导出工作量</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>已导出到 %1</translation>
    </message>
    <message>
      <source>Confirm the workload of %1 for %2? The figures are then frozen; entries added later count in the next term.</source>
      <translation>确认%1%2的工作量？确认后数字冻结，其后补录的活动计入下一学期。</translation>
    </message>
    <message>
      <source>Confirm workload</source>
      <translation>确认工作量</translation>
    </message>
    <message>
      <source>Confirmed.</source>
      <translation>已确认。</translation>
    </message>
  </context>
  <context>
    <name>NoticePage</name>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Scope</source>
      <translation>范围</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>公示期</translation>
    </message>
    <message>
      <source>Working days left</source>
      <translation>剩余工作日</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Objections (open)</source>
      <translation>异议（未处理）</translation>
    </message>
    <message>
      <source>Notices</source>
      <translation>公示列表</translation>
    </message>
    <message>
      <source>Received on</source>
      <translation>受理日期</translation>
    </message>
    <message>
      <source>Student</source>
      <translation>涉及学生</translation>
    </message>
    <message>
      <source>Objection</source>
      <translation>异议内容</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>处理结果</translation>
    </message>
    <message>
      <source>Resolved on</source>
      <translation>处理日期</translation>
    </message>
    <message>
      <source>Objections</source>
      <translation>异议列表</translation>
    </message>
    <message>
      <source>Default: &lt;year&gt; &lt;college&gt; identification results</source>
      <translation>默认：某学年某学院资助认定结果公示</translation>
    </message>
    <message>
      <source>e.g. the center's office and phone</source>
      <translation>如：学院学生发展支持中心办公室及电话</translation>
    </message>
    <message>
      <source>Create notice</source>
      <translation>新建公示</translation>
    </message>
    <message>
      <source>New notice</source>
      <translation>新建公示</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Objections to</source>
      <translation>异议受理</translation>
    </message>
    <message>
      <source>Issuer</source>
      <translation>发布单位</translation>
    </message>
    <message>
      <source>Starts on</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Ends 5 working days later (Mon–Fri); adjust the end over a holiday.</source>
      <translation>公示期为 5 个工作日（周一至周五）；遇法定节假日请调整截止日期。</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <source>Export Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>Change end</source>
      <translation>调整截止日期</translation>
    </message>
    <message>
      <source>End notice</source>
      <translation>结束公示</translation>
    </message>
    <message>
      <source>Withdraw</source>
      <translation>撤回公示</translation>
    </message>
    <message>
      <source>Selected notice</source>
      <translation>所选公示</translation>
    </message>
    <message>
      <source>Ends on</source>
      <translation>截止日期</translation>
    </message>
    <message>
      <source>Optional</source>
      <translation>可不填</translation>
    </message>
    <message>
      <source>Record objection</source>
      <translation>登记异议</translation>
    </message>
    <message>
      <source>Record an objection</source>
      <translation>登记异议</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>学号</translation>
    </message>
    <message>
      <source>Save resolution</source>
      <translation>保存处理结果</translation>
    </message>
    <message>
      <source>Resolve the selected objection</source>
      <translation>处理所选异议</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>处理意见</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>Objections to the selected notice</source>
      <translation>所选公示的异议</translation>
    </message>
    <message>
      <source>Notices are published by the student development support centers.</source>
      <translation>公示由学生发展支持中心发布和管理。</translation>
    </message>
    <message>
      <source>Whole school</source>
      <translation>全校</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>未处理</translation>
    </message>
    <message>
      <source>Notice created.</source>
      <translation>已新建公示。</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>Enter what the objection says.</source>
      <translation>请填写异议内容。</translation>
    </message>
    <message>
      <source>Objection recorded.</source>
      <translation>已登记异议。</translation>
    </message>
    <message>
      <source>Export notice</source>
      <translation>导出公示名单</translation>
    </message>
    <message>
      <source>Exported %1 (%2 students).</source>
      <translation>已导出 %1（%2 人）。</translation>
    </message>
  </context>
  <context>
    <name>AnnualReportDialog</name>
    <message>
      <source>Annual report</source>
      <translation>年度报告</translation>
    </message>
    <message>
      <source>Whole school</source>
      <translation>全校</translation>
    </message>
    <message>
      <source>PDF document</source>
      <translation>PDF 文档</translation>
    </message>
    <message>
      <source>Excel workbook</source>
      <translation>Excel 工作簿</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Generate</source>
      <translation>生成</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>This computer is in aggregate-only mode: the report uses the center's figures, kept at each sync for the current and previous academic year (other years and single colleges are fetched from the center server, which needs a connection).</source>
      <translation>本机为仅统计模式：报告使用中心服务器的统计（每次同步时保存当前及上一学年；其他学年或单个学院需联网从中心服务器取得）。</translation>
    </message>
    <message>
      <source>The six coverages and their change over three years, aid by item and funding source, growth rewards, wish-list delivery and key support, with charts: the same numbers as the coverage dashboard, and no student named.</source>
      <translation>六个全覆盖及近三年变化、保障型资助（按项目和资金来源）、成长奖励、心愿单落实和重点帮扶，附图表；数字与覆盖看板一致，不列出任何学生。</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>学年</translation>
    </message>
    <message>
      <source>College</source>
      <translation>学院</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>保存为</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Save the annual report</source>
      <translation>保存年度报告</translation>
    </message>
    <message>
      <source>Choose where to save the report.</source>
      <translation>请选择报告的保存位置。</translation>
    </message>
    <message>
      <source>The folder %1 does not exist.</source>
      <translation>文件夹 %1 不存在，请先创建或换一个位置。</translation>
    </message>
    <message>
      <source>Reading the records…</source>
      <translation>正在读取记录…</translation>
    </message>
    <message>
      <source>Computing the figures and writing the report…</source>
      <translation>正在统计并生成报告…</translation>
    </message>
    <message>
      <source>The annual report was saved to %1.</source>
      <translation>年度报告已保存到 %1。</translation>
    </message>
    <message>
      <source>The report failed.</source>
      <translation>年度报告未能生成。</translation>
    </message>
    <message>
      <source>Cancelled; no file was written.</source>
      <translation>已取消，未生成任何文件。</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
</TS>
