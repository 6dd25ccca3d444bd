"""The article made from a published report: its text blocks from the attached file, as Markdown or HTML."""
from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import AppError, ValidationError
from app.i18n import _
from app.outcomes.reports import (
    DOCX_TYPES,
    DOCX_XML_LIMIT,
    MARKDOWN_TYPES,
    TEXT_TYPES,
    WORD_NS,
    get_report,
    megabytes,
    open_attachment,
)
from models import Department, Exchange, Participation, Partner, Person
from models.enums import ReportKind
from models.exchanges import exchange_partners

# The kinds of report as the WeChat account "Global SJTU" names them.
KIND_ZH = {ReportKind.RESEARCH_REPORT: "研究报告", ReportKind.INNOVATION_PROPOSAL: "创新方案",
           ReportKind.FIELD_RESEARCH: "调研报告"}


@dataclass(frozen=True)
class Block:
    """One block of article text: a heading (level 2-4), a paragraph, a bullet list item, or an image.

    An image block's text is the image's file name in `Article.images`.
    """

    kind: str  # "heading", "paragraph", "item", "image"
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
    title_zh: str = ""
    kind_zh: str = ""
    images: dict[str, bytes] = field(default_factory=dict)  # file name -> bytes, for image blocks


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


# Pictures a Word file may carry into an article: the formats the WeChat editor and browsers show.
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}
IMAGE_LIMIT = 10 * 1024 * 1024  # per picture, unpacked
IMAGES_LIMIT = 40 * 1024 * 1024  # all pictures of one article, unpacked
DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
RELATIONS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _safe_xml(archive: zipfile.ZipFile, name: str) -> Any:
    info = archive.getinfo(name)
    if info.file_size > DOCX_XML_LIMIT:
        raise AppError(_("The Word file's text is too large to read ({size} MB).").format(
            size=megabytes(info.file_size)))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(archive.read(info), parser)
    except etree.XMLSyntaxError as error:
        raise AppError(_("The attached .docx file is damaged: {error}").format(error=error)) from error


def _image_targets(archive: zipfile.ZipFile) -> dict[str, str]:
    """Relationship id -> picture path inside the archive, for the pictures of word/document.xml."""
    try:
        relations = _safe_xml(archive, "word/_rels/document.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for relation in relations.iter(f"{{{PACKAGE_RELATIONS_NS}}}Relationship"):
        target = relation.get("Target") or ""
        if relation.get("TargetMode") == "External" or not relation.get("Type", "").endswith("/image"):
            continue
        path = target.lstrip("/") if target.startswith("/") else f"word/{target}"
        targets[relation.get("Id") or ""] = path
    return targets


def docx_content(data: bytes) -> tuple[list[Block], dict[str, bytes]]:
    """The paragraphs of a .docx (word/document.xml), headings kept as headings, and its pictures in place.

    Pictures come back by file name (image1.png, …); a picture in a format the WeChat editor cannot show,
    or too large, is left out.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = _safe_xml(archive, "word/document.xml")
            targets = _image_targets(archive)
            blocks, images = _docx_blocks(root, targets, archive)
    except (zipfile.BadZipFile, KeyError) as error:
        raise AppError(_("The attached .docx file cannot be read as a Word document ({error}).").format(
            error=error)) from error
    return blocks, images


def docx_blocks(data: bytes) -> list[Block]:
    """The text blocks of a .docx, pictures included as image blocks."""
    return docx_content(data)[0]


def _picture(archive: zipfile.ZipFile, path: str, images: dict[str, bytes]) -> str | None:
    """Read one picture into `images` under a safe, unique file name; None when it is left out."""
    suffix = Path(path).suffix.lower()
    try:
        info = archive.getinfo(path)
    except KeyError:
        return None
    if suffix not in IMAGE_TYPES or info.file_size > IMAGE_LIMIT or \
            sum(len(image) for image in images.values()) + info.file_size > IMAGES_LIMIT:
        return None
    name = f"image{len(images) + 1}{'.jpg' if suffix == '.jpeg' else suffix}"
    images[name] = archive.read(info)
    return name


def _docx_blocks(root: Any, targets: dict[str, str], archive: zipfile.ZipFile) -> tuple[list[Block], dict[str, bytes]]:
    w = f"{{{WORD_NS}}}"
    blip = f"{{{DRAWING_NS}}}blip"
    embed = f"{{{RELATIONS_NS}}}embed"
    blocks: list[Block] = []
    images: dict[str, bytes] = {}
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
        pictures = [name for picture in paragraph.iter(blip)
                    if (path := targets.get(picture.get(embed) or "")) and (name := _picture(archive, path, images))]
        if text:
            style = paragraph.find(f"{w}pPr/{w}pStyle")
            style_name = (style.get(f"{w}val") or "") if style is not None else ""
            level_match = re.match(r"(?i)^(?:heading|标题)\s*(\d)$", style_name)
            if level_match:
                blocks.append(Block("heading", text, min(4, int(level_match.group(1)) + 1)))
            elif re.match(r"(?i)^list", style_name) or paragraph.find(f"{w}pPr/{w}numPr") is not None:
                blocks.append(Block("item", text))
            else:
                blocks.append(Block("paragraph", text))
        blocks.extend(Block("image", name) for name in pictures)
    return blocks, images


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
        partners=partners, kind=report.kind.label, abstract=report.abstract.strip(), title_zh=report.title_zh.strip(),
        kind_zh=KIND_ZH.get(report.kind, ""),
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
        article.body, article.images = docx_content(data)
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
            if block.kind == "image":
                continue  # the website version is text only; pictures travel with the WeChat article
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
        if block.kind == "image":
            continue  # the website version is text only; pictures travel with the WeChat article
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
