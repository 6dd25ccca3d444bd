"""A published report as an article for the WeChat official account "Global SJTU".

The WeChat editor keeps only the styles written on each element: it drops `<style>`
blocks, classes and scripts. So every element that needs a look carries it in its own
`style` attribute, and nothing else is relied on. The title is bilingual where the
report has both titles; a byline names the author, department, exchange and partner.
User text is escaped everywhere; pictures from the report's Word file are referenced by
file name and written beside the .html file.

`wechat_fragment` is what goes on the clipboard (the editor takes a fragment);
`wechat_page` wraps it in a minimal page for the .html file and the preview.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from app.outcomes.articles import Article
from app.output_files import write_bytes

# Colours of the IAD's documents (exports/pdf_layout.py): navy headings, a muted byline.
NAVY = "#1F3A5F"
ACCENT = "#B5121B"
INK = "#333333"
MUTED = "#7A7A7A"

STYLES = {
    "section": f"margin:0;padding:0 4px;font-size:16px;line-height:1.75;color:{INK};"
               "font-family:-apple-system,BlinkMacSystemFont,'PingFang SC','Microsoft YaHei',sans-serif;"
               "letter-spacing:0.5px;",
    "title": f"margin:0 0 6px;font-size:22px;line-height:1.4;font-weight:bold;color:{NAVY};",
    "subtitle": f"margin:0 0 16px;font-size:16px;line-height:1.5;color:{NAVY};",
    "byline": f"margin:0 0 24px;padding:8px 12px;border-left:3px solid {ACCENT};background-color:#F5F7FA;"
              f"font-size:14px;line-height:1.8;color:{MUTED};",
    "label": f"font-weight:bold;color:{NAVY};",
    "h2": f"margin:28px 0 12px;font-size:18px;line-height:1.5;font-weight:bold;color:{NAVY};"
          f"border-bottom:1px solid #DDE3EA;padding-bottom:4px;",
    "h3": f"margin:22px 0 10px;font-size:17px;line-height:1.5;font-weight:bold;color:{NAVY};",
    "h4": f"margin:18px 0 8px;font-size:16px;line-height:1.5;font-weight:bold;color:{INK};",
    "p": "margin:0 0 16px;text-align:justify;",
    "ul": "margin:0 0 16px;padding-left:24px;",
    "li": "margin:0 0 6px;",
    "figure": "margin:0 0 16px;text-align:center;",
    "img": "max-width:100%;height:auto;display:inline-block;",
    "note": f"margin:24px 0 0;font-size:13px;color:{MUTED};text-align:center;",
}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _tag(name: str, content: str, style_key: str | None = None) -> str:
    return f'<{name} style="{STYLES[style_key or name]}">{content}</{name}>'


def _paragraphs(text: str) -> list[str]:
    chunks = [" ".join(chunk.split()) for chunk in text.replace("\r\n", "\n").split("\n\n")]
    return [chunk for chunk in chunks if chunk]


def titles(article: Article) -> tuple[str, str]:
    """The headline and the line under it: Chinese first for the Chinese account, the English beneath."""
    english, chinese = article.title.strip(), article.title_zh.strip()
    if chinese and english and chinese != english:
        return chinese, english
    return chinese or english, ""


def wechat_fragment(article: Article, image_source: Callable[[str], str] = lambda name: name) -> str:
    """The article as one inline-styled `<section>`, ready for the WeChat editor.

    `image_source(name)` gives the `src` of each picture (a file name beside the page by default).
    """
    headline, subtitle = titles(article)
    out = [f'<section style="{STYLES["section"]}">', _tag("h1", _e(headline), "title")]
    if subtitle:
        out.append(_tag("p", _e(subtitle), "subtitle"))
    byline = [("作者 Author", article.author), ("部门 Department", article.department),
              ("交流项目 Exchange", article.exchange)]
    if article.partners:
        byline.append(("合作院校 Partner", article.partners))
    byline.append(("类型 Type", " ".join(part for part in (article.kind_zh, article.kind) if part)))
    lines = "<br>".join(f'<span style="{STYLES["label"]}">{_e(label)}：</span>{_e(value)}'
                        for label, value in byline if value)
    out.append(_tag("p", lines, "byline"))
    if article.abstract:
        out.append(_tag("h2", _e("摘要 Abstract")))
        out += [_tag("p", _e(chunk)) for chunk in _paragraphs(article.abstract)]
    items: list[str] = []

    def close_list() -> None:
        if items:
            out.append(_tag("ul", "".join(items)))
            items.clear()

    for block in article.body:
        if block.kind == "item":
            items.append(_tag("li", _e(block.text)))
            continue
        close_list()
        if block.kind == "heading":
            level = min(4, max(2, block.level))
            out.append(_tag(f"h{level}", _e(block.text)))
        elif block.kind == "image":
            if block.text in article.images:
                image = f'<img src="{_e(image_source(block.text))}" alt="" style="{STYLES["img"]}">'
                out.append(_tag("p", image, "figure"))
        else:
            out.append(_tag("p", _e(block.text)))
    close_list()
    out.append(_tag("p", _e("国际合作与交流处 · Global SJTU"), "note"))
    out.append("</section>")
    return "\n".join(out)


def wechat_page(article: Article, image_source: Callable[[str], str] = lambda name: name) -> str:
    """A minimal HTML page holding the fragment: no `<style>`, no script, no class."""
    headline, _subtitle = titles(article)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{_e(headline)}</title>\n</head>\n<body>\n{wechat_fragment(article, image_source)}\n"
            "</body>\n</html>\n")


def images_folder(target: Path) -> Path:
    """Where the pictures of `target` go: "<name>_files" beside it, as browsers save pages."""
    return target.with_name(f"{target.stem}_files")


def write_wechat_article(article: Article, target: Path) -> list[Path]:
    """Write the page to `target` and its pictures beside it; return every file written."""
    folder = images_folder(target)
    written: list[Path] = []
    if article.images:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in article.images.items():
            written.append(write_bytes(folder / name, data))
    page = wechat_page(article, lambda name: f"{folder.name}/{name}")
    written.insert(0, write_bytes(target, page.encode("utf-8")))
    return written
