"""The article made from a published report: its text blocks from the attached file, as Markdown or HTML."""
from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import AppError, ValidationError
from app.i18n import _
from models import Department, Exchange, Participation, Partner, Person
from models.enums import ReviewStatus
from models.exchanges import exchange_partners

# Review workflow. Accepted and rejected reports may be reopened for review (a
# decision taken by mistake must be correctable), but a published report must be
# withdrawn from publication first.
REVIEW_TRANSITIONS: dict[ReviewStatus, frozenset[ReviewStatus]] = {
    ReviewStatus.NOT_SUBMITTED: frozenset({ReviewStatus.SUBMITTED}),
    ReviewStatus.SUBMITTED: frozenset({ReviewStatus.UNDER_REVIEW}),
    ReviewStatus.UNDER_REVIEW: frozenset(
        {ReviewStatus.REVISION_REQUESTED, ReviewStatus.ACCEPTED, ReviewStatus.REJECTED}
    ),
    ReviewStatus.REVISION_REQUESTED: frozenset({ReviewStatus.SUBMITTED}),
    ReviewStatus.ACCEPTED: frozenset({ReviewStatus.UNDER_REVIEW}),
    ReviewStatus.REJECTED: frozenset({ReviewStatus.UNDER_REVIEW}),
}

# Decisions someone must own, and decisions the participant needs a reason for.
from app.outcomes.reports import get_report, megabytes, DOCX_TYPES, DOCX_XML_LIMIT, MARKDOWN_TYPES, TEXT_TYPES, WORD_NS, open_attachment


@dataclass(frozen=True)
class Block:
    """One block of article text: a heading (level 2-4), a paragraph, or a bullet list item."""

    kind: str  # "heading", "paragraph", "item"
    text: str
    level: int = 2


@dataclass
class Article:
    title: str
    author: str
    department: str
    exchange: str
    partners: str
    kind: str
    abstract: str
    body: list[Block] = field(default_factory=list)
    body_is_markdown: bool = False
    raw_markdown: str = ""
    body_note: str = ""  # why there is no body text, when there is none


def _decode_text(data: bytes) -> str:
    """Text files from Chinese office PCs are UTF-8 or GB18030; try both before replacing."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _paragraphs(text: str) -> list[Block]:
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [Block("paragraph", " ".join(line.strip() for line in chunk.splitlines()).strip())
            for chunk in chunks if chunk.strip()]


def _markdown_blocks(text: str) -> list[Block]:
    """Headings, bullet items and paragraphs of a Markdown text; inline markup is left as written."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("paragraph", " ".join(paragraph)))
            paragraph.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", line)
        item = re.match(r"^[-*+]\s+(.*)$", line)
        if not line:
            flush()
        elif heading:
            flush()
            blocks.append(Block("heading", heading.group(2), min(4, max(2, len(heading.group(1)) + 1))))
        elif item:
            flush()
            blocks.append(Block("item", item.group(1)))
        else:
            paragraph.append(line)
    flush()
    return blocks


def docx_blocks(data: bytes) -> list[Block]:
    """The paragraphs of a .docx (word/document.xml), headings kept as headings."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > DOCX_XML_LIMIT:
                raise AppError(_("The Word file's text is too large to read ({size} MB).").format(
                    size=megabytes(info.file_size)))
            xml = archive.read(info)
    except (zipfile.BadZipFile, KeyError) as error:
        raise AppError(_("The attached .docx file cannot be read as a Word document ({error}).").format(
            error=error)) from error
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise AppError(_("The attached .docx file is damaged: {error}").format(error=error)) from error
    w = f"{{{WORD_NS}}}"
    blocks: list[Block] = []
    for paragraph in root.iter(f"{w}p"):
        parts: list[str] = []
        for node in paragraph.iter(f"{w}t", f"{w}tab", f"{w}br"):
            if node.tag == f"{w}t":
                parts.append(node.text or "")
            elif node.tag == f"{w}tab":
                parts.append("\t")
            else:
                parts.append(" ")
        text = "".join(parts).strip()
        if not text:
            continue
        style = paragraph.find(f"{w}pPr/{w}pStyle")
        style_name = (style.get(f"{w}val") or "") if style is not None else ""
        level_match = re.match(r"(?i)^(?:heading|标题)\s*(\d)$", style_name)
        if level_match:
            blocks.append(Block("heading", text, min(4, int(level_match.group(1)) + 1)))
        elif re.match(r"(?i)^list", style_name) or paragraph.find(f"{w}pPr/{w}numPr") is not None:
            blocks.append(Block("item", text))
        else:
            blocks.append(Block("paragraph", text))
    return blocks


def build_article(session: Session, report_id: int) -> Article:
    """What the article says: the report's facts, and its body where the attached file gives text."""
    report = get_report(session, report_id)
    row = session.execute(
        select(Person, Department, Exchange)
        .join(Participation, Participation.person_id == Person.id)
        .join(Department, Department.id == Person.department_id)
        .join(Exchange, Exchange.id == Participation.exchange_id)
        .where(Participation.id == report.participation_id)
    ).one()
    person, department, exchange = row
    partners = ", ".join(
        f"{p.name} ({p.country})" if p.country else p.name
        for p in session.scalars(
            select(Partner).join(exchange_partners, exchange_partners.c.partner_id == Partner.id)
            .where(exchange_partners.c.exchange_id == exchange.id).order_by(Partner.name)
        )
    )
    author = f"{person.name_zh} {person.name_en}".strip() if person.name_zh else person.name_en
    title = report.title.strip() or _("{kind} by {author}").format(kind=report.kind.label, author=person.name_en)
    article = Article(
        title=title, author=author, department=department.display_name, exchange=exchange.title,
        partners=partners, kind=report.kind.label, abstract=report.abstract.strip(),
    )
    if not report.file_sha256:
        article.body_note = _("No file is attached, so the article has no body text yet.")
        return article
    data = open_attachment(session, report_id)
    suffix = Path(report.file_name).suffix.lower()
    if suffix in TEXT_TYPES:
        article.body = _paragraphs(_decode_text(data))
    elif suffix in MARKDOWN_TYPES:
        article.raw_markdown = _decode_text(data).replace("\r\n", "\n").strip()
        article.body = _markdown_blocks(article.raw_markdown)
        article.body_is_markdown = True
    elif suffix in DOCX_TYPES:
        article.body = docx_blocks(data)
    else:
        article.body_note = _(
            "The attached {suffix} file gives no text to copy; add the body from {name} by hand."
        ).format(suffix=suffix or _("(no type)"), name=report.file_name)
    return article


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def markdown_escape(text: str) -> str:
    """Text that Markdown shows as written: inline markers escaped, a leading # or 1. defused."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    escaped = re.sub(r"^(\s*)([#+\-]|\d+\.)(\s)", r"\1\\\2\3", escaped, flags=re.MULTILINE)
    return escaped


def article_markdown(article: Article) -> str:
    e = markdown_escape
    lines = [f"# {e(article.title)}", ""]
    byline = [
        f"**{_('Author')}:** {e(article.author)}",
        f"**{_('Department')}:** {e(article.department)}",
        f"**{_('Exchange')}:** {e(article.exchange)}",
    ]
    if article.partners:
        byline.append(f"**{_('Partner')}:** {e(article.partners)}")
    byline.append(f"**{_('Type')}:** {e(article.kind)}")
    # Two trailing spaces: a Markdown line break, so the byline stays one block.
    lines.append("  \n".join(byline))
    lines.append("")
    if article.abstract:
        lines += [f"## {_('Abstract')}", "", e(article.abstract), ""]
    if article.body_is_markdown:
        lines += [article.raw_markdown, ""]
    else:
        for block in article.body:
            if block.kind == "heading":
                lines += ["#" * block.level + " " + e(block.text), ""]
            elif block.kind == "item":
                lines.append(f"- {e(block.text)}")
            else:
                lines += [e(block.text), ""]
    return "\n".join(lines).rstrip() + "\n"


def article_html(article: Article) -> str:
    def e(text: str) -> str:
        return html.escape(text, quote=True)

    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(article.title)}</title>",
        "</head>",
        "<body>",
        "<article>",
        f"<h1>{e(article.title)}</h1>",
        '<p class="byline">',
        f"<strong>{e(_('Author'))}:</strong> {e(article.author)}<br>",
        f"<strong>{e(_('Department'))}:</strong> {e(article.department)}<br>",
        f"<strong>{e(_('Exchange'))}:</strong> {e(article.exchange)}<br>",
    ]
    if article.partners:
        out.append(f"<strong>{e(_('Partner'))}:</strong> {e(article.partners)}<br>")
    out.append(f"<strong>{e(_('Type'))}:</strong> {e(article.kind)}")
    out.append("</p>")
    if article.abstract:
        out.append(f"<h2>{e(_('Abstract'))}</h2>")
        out += [f"<p>{e(block.text)}</p>" for block in _paragraphs(article.abstract)]
    in_list = False
    for block in article.body:
        if block.kind == "item" and not in_list:
            out.append("<ul>")
            in_list = True
        elif block.kind != "item" and in_list:
            out.append("</ul>")
            in_list = False
        if block.kind == "heading":
            out.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif block.kind == "item":
            out.append(f"<li>{e(block.text)}</li>")
        else:
            out.append(f"<p>{e(block.text)}</p>")
    if in_list:
        out.append("</ul>")
    out += ["</article>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def prepare_article(session: Session, report_id: int, fmt: str = "markdown") -> str:
    """A clean article for the IAD website or WeChat, as Markdown or a standalone HTML page."""
    if fmt not in ("markdown", "html"):
        raise ValidationError("fmt", _("An article is written as markdown or html, not '{fmt}'.").format(fmt=fmt))
    article = build_article(session, report_id)
    return article_markdown(article) if fmt == "markdown" else article_html(article)
