"""Every document kind read back as the person who prints, signs and files it (issue 11).

The four kinds — a filled visit form with a long family and long notes, the blank form, an archive with
every section, a combined batch of 20 visit forms — are built once and read back with pdftotext,
pdfinfo, pdffonts, pdfplumber (word boxes) and zxing-cpp (the QR code on a rendered page).
"""

from __future__ import annotations

import itertools
import re
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from desktop.reports.batch_export import BatchSettings, StudentVisits, export_batch
from desktop.reports.blank_form import build_blank_form
from desktop.reports.fonts import PdfFonts
from desktop.reports.growth_archive import build_growth_archive
from desktop.reports.visit_form import build_visit_form
from sync.demo.showcase import DEMO_COLLEGE, DemoStudent, demo_student
from sync.records import enums
from sync.records.enums import Role
from sync.records.visits import HouseholdMember
from tests.desktop.reports.conftest import PRINTED_AT, SCHOOL, TODAY, demo_bundle
from tests.desktop.reports.pdf_tools import needs_tools, page_count, pdf_fonts_of, squeeze

pytestmark = needs_tools

SENSITIVE = ("困难", "贫困", "特困")
DOUBLED = re.compile(r"[。；，、：！？][。；，、：！？]")
SNAKE = re.compile(r"\b[a-z]+_[a-z_]+\b")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Single-character values a table may hold (a gender, yes/no): not labels wrapped apart;
SINGLE_VALUES = set("男女是否无年月日")  # and the parts of a date blank "  年  月  日"


@dataclass(frozen=True)
class Documents:
    visit: Path
    blank: Path
    blank_empty: Path
    archive: Path
    batch: Path
    typical: Path
    long_demo: DemoStudent
    typical_demo: DemoStudent
    batch_demos: list[DemoStudent]


def long_visit_demo() -> DemoStudent:
    """A visit with eight household members and long notes."""
    demo = demo_student(3, today=TODAY)
    extra = [
        HouseholdMember(name=name, age=age, relationship=rel, employer="在家", occupation="务农")
        for name, age, rel in (
            ("王奶奶", 72, "祖母"),
            ("王爷爷", 75, "祖父"),
            ("王小明", 9, "弟弟"),
            ("王二叔", 45, "叔叔"),
            ("王小芳", 12, "堂妹"),
        )
    ]
    visit = demo.visit.model_copy(
        update={
            "household": [*demo.visit.household, *extra],
            "follow_up": demo.visit.follow_up * 3 + "最后一次电话回访定于十二月中旬。",
            "family_opinions": demo.visit.family_opinions * 4,
            "income_amount": Decimal("52000"),
        }
    )
    return DemoStudent(demo.student, demo.family, visit)


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory, cjk_fonts: PdfFonts) -> Documents:
    folder = tmp_path_factory.mktemp("paper")
    common = {"school_name": SCHOOL, "fonts": cjk_fonts, "printed_at": PRINTED_AT}
    long_demo = long_visit_demo()
    build_visit_form(
        long_demo.visit, long_demo.student, long_demo.family, college_name=DEMO_COLLEGE,
        out=folder / "visit.pdf", **common,
    )  # fmt: skip
    typical = demo_student(7, today=TODAY)
    build_visit_form(
        typical.visit, typical.student, typical.family, college_name=DEMO_COLLEGE,
        out=folder / "typical.pdf", **common,
    )  # fmt: skip
    build_blank_form(typical.student, typical.family, out=folder / "blank.pdf", **common)
    build_blank_form(out=folder / "blank-empty.pdf", **common)
    build_growth_archive(
        demo_bundle(typical, today=TODAY), include_key_support=True, viewer_role=Role.COLLEGE_CENTER,
        out=folder / "archive.pdf", **common,
    )  # fmt: skip
    demos = [demo_student(seed, today=TODAY) for seed in range(20)]
    jobs = [StudentVisits(d.student, [d.visit], d.family, DEMO_COLLEGE) for d in demos]
    result = export_batch(
        jobs,
        folder / "batch",
        settings=BatchSettings(SCHOOL, scope_label="机电2401班", printed_at=PRINTED_AT),
        combined=True,
        fonts=cjk_fonts,
    )
    return Documents(
        visit=folder / "visit.pdf",
        blank=folder / "blank.pdf",
        blank_empty=folder / "blank-empty.pdf",
        archive=folder / "archive.pdf",
        batch=result.files[0],
        typical=folder / "typical.pdf",
        long_demo=long_demo,
        typical_demo=typical,
        batch_demos=demos,
    )


def all_kinds(docs: Documents) -> list[Path]:
    return [docs.visit, docs.typical, docs.blank, docs.blank_empty, docs.archive, docs.batch]


def page_texts(path: Path) -> list[str]:
    """Each page's text, whitespace removed."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [squeeze(page) for page in out.split("\f")[: page_count(path)]]


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def form_pages(path: Path) -> list[list[str]]:
    """The pages of each form of a file (a form starts on a page reading 第1页)."""
    forms: list[list[str]] = []
    for text in page_texts(path):
        if "第1页共" in text:
            forms.append([])
        forms[-1].append(text)
    return forms


def test_page_count_limits(docs: Documents) -> None:
    assert page_count(docs.typical) <= 2  # one sheet printed double-sided
    assert page_count(docs.visit) <= 3  # eight family members and three times the notes
    assert page_count(docs.blank) <= 2
    assert page_count(docs.blank_empty) <= 2
    assert page_count(docs.archive) <= 3
    forms = form_pages(docs.batch)
    assert len(forms) == 20
    assert all(len(form) <= 2 for form in forms)
    for form in forms:
        assert f"共{len(form)}页" in form[-1]


def test_the_signature_page_holds_the_last_section(docs: Documents) -> None:
    ending = squeeze(docs.long_demo.visit.follow_up)[-12:]
    pages = page_texts(docs.visit)
    signing = [page for page in pages if "九、签字确认" in page]
    assert len(signing) == 1 and ending in signing[0]
    for path in (docs.typical, docs.blank, docs.blank_empty):
        signing = [page for page in page_texts(path) if "九、签字确认" in page]
        assert len(signing) == 1 and "八、后续措施" in signing[0]
    for form, demo in zip(form_pages(docs.batch), docs.batch_demos, strict=True):
        signing = [page for page in form if "九、签字确认" in page]
        assert len(signing) == 1
        assert squeeze(demo.visit.follow_up)[-12:] in signing[0]


def test_record_number_and_page_count_on_every_page(docs: Documents) -> None:
    number = docs.long_demo.visit.record_no
    assert re.fullmatch(r"JF-\d{4}-\d{3}-\d{4}", number)
    pages = page_texts(docs.visit)
    for i, page in enumerate(pages, start=1):
        assert f"编号{number}第{i}页共{len(pages)}页" in page
    for form, demo in zip(form_pages(docs.batch), docs.batch_demos, strict=True):
        assert all(f"编号{demo.visit.record_no}" in page for page in form)


def test_no_code_identifiers_in_the_text(docs: Documents) -> None:
    codes = {
        member.value
        for enum in vars(enums).values()
        if isinstance(enum, type) and issubclass(enum, enums.CodedEnum) and enum is not enums.CodedEnum
        for member in enum
        if len(member.value) > 2
    }
    for path in all_kinds(docs):
        raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True)
        text = raw.stdout
        assert "pdf:" not in text, path.name
        assert not SNAKE.findall(text), (path.name, SNAKE.findall(text))
        words = set(re.findall(r"[A-Za-z_]+", text))
        assert not words & codes, (path.name, words & codes)


def test_no_doubled_punctuation(docs: Documents) -> None:
    for path in all_kinds(docs):
        for page in page_texts(path):
            assert not DOUBLED.findall(page), (path.name, DOUBLED.findall(page))


def _lone_characters(path: Path) -> list[str]:
    """Words that are one CJK character standing alone on their line (a wrapped-apart label)."""
    lone = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(x_tolerance=2, y_tolerance=2, keep_blank_chars=False)
            for word in words:
                text = re.sub(r"[（）()。，、；：/／]", "", word["text"])
                if len(text) != 1 or not CJK.match(text) or text in SINGLE_VALUES:
                    continue
                neighbours = [
                    other
                    for other in words
                    if other is not word
                    and abs(other["top"] - word["top"]) < 2
                    and min(abs(other["x1"] - word["x0"]), abs(word["x1"] - other["x0"])) < 8
                ]
                if not neighbours:
                    lone.append(f"p{page.page_number}:{word['text']}")
    return lone


def test_no_label_wraps_a_single_character_onto_its_own_line(docs: Documents) -> None:
    for path in all_kinds(docs):
        assert _lone_characters(path) == [], path.name


def test_metadata_is_neutral(docs: Documents) -> None:
    for path in all_kinds(docs):
        info = pdfinfo(path)
        shown = " ".join(info.get(key, "") for key in ("Title", "Subject", "Keywords"))
        assert not any(word in shown for word in SENSITIVE), (path.name, shown)
    visit = docs.long_demo.visit
    info = pdfinfo(docs.visit)
    assert info["Title"] == f"家访记录 {docs.long_demo.student.student_no} {visit.visit_date:%Y-%m-%d}"
    assert info["Keywords"] == visit.record_no


def test_only_embedded_fonts(docs: Documents) -> None:
    for path in all_kinds(docs):
        rows = pdf_fonts_of(path)
        assert rows and all(row.embedded and row.subset for row in rows), (path.name, rows)
        assert not any("Helvetica" in row.name for row in rows)


def _qr_texts(path: Path, tmp_path: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    prefix = tmp_path / path.stem
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(path), str(prefix)], check=True
    )
    image = Image.open(next(tmp_path.glob(f"{path.stem}*.png")))
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_the_qr_code_holds_the_number_and_the_id_only(docs: Documents, tmp_path: Path) -> None:
    visit = docs.long_demo.visit
    assert _qr_texts(docs.visit, tmp_path) == [f"{visit.record_no} {visit.id}"]  # nothing else
    assert _qr_texts(docs.archive, tmp_path) == [docs.typical_demo.student.id]  # the record id only
    assert _qr_texts(docs.blank, tmp_path) == []  # a blank form is no record yet


def test_blank_form_leaves_the_numbers_to_the_family(docs: Documents) -> None:
    text = "".join(page_texts(docs.blank))
    assert "部分隐去" not in text and "****" not in text
    student = docs.typical_demo.student
    assert student.name in text and student.student_no in text  # prefilled where asked


def test_blank_form_rows_are_tall_enough_to_write_in(docs: Documents) -> None:
    """The family table has at least eight rows, each at least 8 mm high."""
    with pdfplumber.open(docs.blank_empty) as pdf:
        page = pdf.pages[0]
        header = next(w for w in page.extract_words() if w["text"] == "工作(学习)单位")
        section = next(w for w in page.extract_words() if w["text"].startswith("四、"))
        rules = sorted(
            {round(e["top"], 1) for e in page.horizontal_edges if header["top"] < e["top"] < section["top"]}
        )
    gaps = [b - a for a, b in itertools.pairwise(rules) if b - a > 1]
    assert len(gaps) >= 8
    assert min(gaps) >= 8 * 72 / 25.4 - 0.5


def _column_chars(path: Path, header_text: str, until: str) -> list[str]:
    """The characters below a table header word, within its column, down to the next section bar."""
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        header = next(w for w in words if w["text"] == header_text)
        end = next(w for w in words if w["text"].startswith(until))
        return [
            c["text"]
            for c in page.chars
            if header["x0"] - 2 < c["x0"] < header["x1"] + 2 and header["bottom"] < c["top"] < end["top"]
        ]


def test_the_family_table_has_a_box_to_tick_on_every_row_of_a_blank_form(docs: Documents) -> None:
    for path in (docs.blank, docs.blank_empty):
        assert _column_chars(path, "本次核实", "四、") == ["□"] * 8, path.name


def test_the_filled_family_table_marks_each_verified_member(tmp_path: Path, cjk_fonts: PdfFonts) -> None:
    demo = long_visit_demo()
    household = [m.model_copy(update={"verified": i % 3 == 0}) for i, m in enumerate(demo.visit.household)]
    out = tmp_path / "verified.pdf"
    build_visit_form(
        demo.visit.model_copy(update={"household": household}), demo.student, demo.family,
        school_name=SCHOOL, out=out, fonts=cjk_fonts,
    )  # fmt: skip
    marks = "".join(_column_chars(out, "本次核实", "四、"))
    assert marks == "已核实" * sum(m.verified for m in household) == "已核实" * 3


def test_a_long_form_title_clears_the_qr_code(tmp_path: Path, cjk_fonts: PdfFonts) -> None:
    """The title is a setting (up to 40 characters): set smaller, it stays clear of the QR code."""
    demo = demo_student(5, today=TODAY)
    title = "江苏示范职业技术学院机电工程学院家庭经济困难学生入户家访情况记录表（辅导员用）"
    out = tmp_path / "title.pdf"
    build_visit_form(
        demo.visit, demo.student, demo.family, school_name=SCHOOL, title=title, out=out, fonts=cjk_fonts
    )
    qr_left = (210 - 18 - 17) * 72 / 25.4  # page width - right margin - QR size, in points
    with pdfplumber.open(out) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["size"] > 11 and c["top"] < 120]
    assert "".join(c["text"] for c in chars if c["text"] in title)
    assert max(c["x1"] for c in chars) < qr_left
