"""The WeChat article: formatting that survives the WeChat editor, escaped text, pictures beside the page."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from sqlalchemy.orm import Session

from app.actor import Actor
from app.outcomes.articles import build_article
from app.outcomes.reports import attach_file
from exports.wechat_article import wechat_fragment, wechat_page, write_wechat_article
from models import Report
from models.enums import ReportKind, UserRole

Factory = Callable[..., Any]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def png(width: int, height: int) -> bytes:
    """A real, tiny PNG (one grey pixel row repeated)."""
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def docx_with_pictures(picture: bytes) -> bytes:
    """A .docx with a heading, a paragraph, a list item, a picture in place and a picture of an unshown format."""
    drawing = ('<w:r><w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
               '<a:graphicData><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
               ' r:embed="{rid}"/></a:graphicData></a:graphic></w:drawing></w:r>')
    body = (
        f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>What we saw &lt;there&gt;</w:t></w:r></w:p>'
        f'<w:p><w:r><w:t>Peer mentors &amp; counsellors meet weekly.</w:t></w:r></w:p>'
        f'<w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>Train the mentors</w:t></w:r></w:p>'
        f'<w:p>{drawing.format(rid="rId7")}</w:p>'
        f'<w:p><w:r><w:t>A drawing we cannot show:</w:t></w:r>{drawing.format(rid="rId8")}</w:p>'
    )
    document = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    relations = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/'
                 '2006/relationships/image" Target="media/image1.png"/><Relationship Id="rId8" Type="http://'
                 'schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.emf"/>'
                 '</Relationships>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", relations)
        archive.writestr("word/media/image1.png", picture)
        archive.writestr("word/media/image2.emf", b"EMF")
    return buffer.getvalue()


@pytest.fixture
def officer() -> Actor:
    return Actor("officer", UserRole.OFFICER)


@pytest.fixture
def report(make_person: Factory, make_department: Factory, make_exchange: Factory, make_partner: Factory,
           make_participation: Factory, make_report: Factory) -> Report:
    person = make_person(name_en="Zhang San", name_zh="张三",
                         department=make_department(name_en="Student Affairs <Office>", name_zh="学生工作处"))
    exchange = make_exchange(title="Peer counselling & wellbeing",
                             partners=[make_partner(name="Uni <Leeds>", country="UK")])
    return make_report(participation=make_participation(person=person, exchange=exchange),
                       kind=ReportKind.INNOVATION_PROPOSAL, title="Peer mentors <script>alert(1)</script>",
                       title_zh="朋辈辅导的做法", abstract="Short & sweet.\n\nSecond <b>para</b>.")


def test_every_styled_element_carries_its_own_style_and_user_text_is_escaped(
        db_session: Session, officer: Actor, report: Report) -> None:
    picture = png(3, 2)
    attach_file(db_session, officer, report.id, "proposal.docx", docx_with_pictures(picture), limit_mb=5)
    article = build_article(db_session, report.id)
    assert article.images == {"image1.png": picture}  # the .emf cannot be shown in WeChat: left out
    fragment = wechat_fragment(article)
    lowered = fragment.lower()
    assert "<style" not in lowered and "<script" not in lowered and "class=" not in lowered
    root = lxml_html.fragment_fromstring(fragment)
    assert root.tag == "section"
    for element in root.iter():
        if element.tag in {"section", "h1", "h2", "h3", "h4", "p", "ul", "li", "span", "img"}:
            assert element.get("style"), element.tag
    text = root.text_content()
    assert "朋辈辅导的做法" in text and "Peer mentors <script>alert(1)</script>" in text  # bilingual, escaped
    assert "张三 Zhang San" in text and "Student Affairs <Office> (学生工作处)" in text
    assert "Peer counselling & wellbeing" in text and "Uni <Leeds> (UK)" in text
    assert "创新方案 Innovation proposal" in text
    assert [h.text_content() for h in root.iter("h2")] == ["摘要 Abstract", "What we saw <there>"]
    assert [li.text_content() for li in root.iter("li")] == ["Train the mentors"]
    assert "Second <b>para</b>." in text and root.find(".//b") is None
    assert [img.get("src") for img in root.iter("img")] == ["image1.png"]
    assert fragment.index("Peer mentors &amp; counsellors") < fragment.index('src="image1.png"') \
        < fragment.index("A drawing we cannot show")


def test_the_page_and_its_pictures_are_written_beside_each_other(db_session: Session, officer: Actor,
                                                                 report: Report, tmp_path: Path) -> None:
    picture = png(4, 4)
    attach_file(db_session, officer, report.id, "proposal.docx", docx_with_pictures(picture), limit_mb=5)
    target = tmp_path / "Peer mentors.html"
    written = write_wechat_article(build_article(db_session, report.id), target)
    assert written == [target, tmp_path / "Peer mentors_files" / "image1.png"]
    assert (tmp_path / "Peer mentors_files" / "image1.png").read_bytes() == picture
    page = target.read_text(encoding="utf-8")
    assert 'src="Peer mentors_files/image1.png"' in page
    assert "<style" not in page.lower() and "class=" not in page.lower()
    assert "<title>朋辈辅导的做法</title>" in page


def test_one_title_only_is_the_headline_alone(db_session: Session, report: Report) -> None:
    report.title_zh = ""
    db_session.flush()
    page = wechat_page(build_article(db_session, report.id))
    root = lxml_html.fromstring(page)
    assert root.find(".//h1").text_content() == "Peer mentors <script>alert(1)</script>"
    assert "朋辈辅导" not in page and "No file" not in page  # no body text: facts and abstract only
