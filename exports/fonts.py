"""The font every PDF uses: a TrueType CJK font embedded as a subset, found once per process.

reportlab embeds TrueType outlines only (glyf tables): fonts with PostScript
(CFF) outlines, such as Noto Sans CJK .otf or some PingFang builds, are skipped.
The search order is the file named in Settings.cjk_font_path, then the font
shipped in resources/fonts/ (WenQuanYi Micro Hei, so that documents look the same
on every computer), then the usual places on Windows, macOS and Linux, then fontconfig. If nothing usable is
found, the documents fall back to reportlab's built-in STSong-Light CID font
(Chinese renders, but the font is not embedded, so the PDF viewer must supply
it); that is said once, as a FontFallbackWarning and as `FontSet.notice`.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import warnings
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

import resources
from app.i18n import _

CID_FALLBACK = "STSong-Light"


class FontFallbackWarning(UserWarning):
    """No embeddable Chinese font was found; documents use a font the viewer must supply."""


@dataclass(frozen=True)
class FontFile:
    """A TrueType file, and which font of a collection (.ttc) to use."""

    path: Path
    index: int = 0


@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names for body text and emphasis."""

    regular: str
    bold: str
    source: str  # the file (or the CID font) in use, for the about box and the log
    embedded: bool
    notice: str = ""  # one sentence for the user when a fallback was taken
    # A bold face for labels without Chinese when the CJK font has no bold file
    # (most have none); "" when none was found: labels then use `bold`.
    latin_bold: str = ""


# Regular and bold files per system, best first. Bold is optional: without it
# emphasis uses the regular weight, larger or coloured.
def _windows_candidates() -> list[tuple[FontFile, FontFile | None]]:
    fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return [
        (FontFile(fonts / "msyh.ttc"), FontFile(fonts / "msyhbd.ttc")),
        (FontFile(fonts / "msyh.ttf"), FontFile(fonts / "msyhbd.ttf")),
        (FontFile(fonts / "Deng.ttf"), FontFile(fonts / "Dengb.ttf")),
        (FontFile(fonts / "simhei.ttf"), None),
        (FontFile(fonts / "simsun.ttc"), None),
    ]


def _macos_candidates() -> list[tuple[FontFile, FontFile | None]]:
    system = Path("/System/Library/Fonts")
    return [
        (FontFile(system / "STHeiti Light.ttc"), FontFile(system / "STHeiti Medium.ttc")),
        (FontFile(system / "PingFang.ttc"), None),  # CFF on recent releases: checked, then skipped
        (FontFile(system / "Supplemental" / "Songti.ttc"), None),
        (FontFile(system / "Supplemental" / "Arial Unicode.ttf"), None),
        (FontFile(Path("/Library/Fonts/Arial Unicode.ttf")), None),
    ]


def _linux_candidates() -> list[tuple[FontFile, FontFile | None]]:
    share = Path("/usr/share/fonts")
    return [
        (FontFile(share / "truetype/wqy/wqy-microhei.ttc"), None),
        (FontFile(share / "truetype/wqy/wqy-zenhei.ttc"), None),
        (FontFile(share / "wenquanyi/wqy-microhei/wqy-microhei.ttc"), None),  # Fedora
        (FontFile(share / "truetype/droid/DroidSansFallbackFull.ttf"), None),
        (FontFile(share / "google-droid-sans-fonts/DroidSansFallbackFull.ttf"), None),
        (FontFile(share / "truetype/arphic/uming.ttc"), None),
    ]


def bundled_candidates() -> list[tuple[FontFile, FontFile | None]]:
    """The font that ships with the program, in a checkout, an installed package and a frozen build."""
    return [(FontFile(resources.FOLDER / "fonts" / "wqy-microhei.ttc"), None)]


def latin_bold_candidates() -> list[FontFile]:
    if sys.platform.startswith("win"):
        fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return [FontFile(fonts / "segoeuib.ttf"), FontFile(fonts / "arialbd.ttf")]
    if sys.platform == "darwin":
        return [FontFile(Path("/System/Library/Fonts/Supplemental/Arial Bold.ttf")),
                FontFile(Path("/Library/Fonts/Arial Bold.ttf"))]
    share = Path("/usr/share/fonts/truetype")
    return [
        FontFile(share / "dejavu/DejaVuSans-Bold.ttf"),
        FontFile(share / "liberation2/LiberationSans-Bold.ttf"),
        FontFile(share / "liberation/LiberationSans-Bold.ttf"),
        FontFile(Path("/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf")),  # Fedora
    ]


def system_candidates() -> list[tuple[FontFile, FontFile | None]]:
    if sys.platform.startswith("win"):
        return _windows_candidates()
    if sys.platform == "darwin":
        return _macos_candidates()
    return _linux_candidates()


def _fontconfig_candidates() -> list[tuple[FontFile, FontFile | None]]:
    """Chinese fonts fontconfig knows about, for Linux systems laid out differently."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        listed = subprocess.run([fc_list, ":lang=zh", "file", "index"], capture_output=True, text=True,
                                timeout=5, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found: list[tuple[FontFile, FontFile | None]] = []
    for line in sorted(listed.splitlines()):
        # "/usr/share/fonts/x.ttc: :index=0"
        path, _sep, rest = line.partition(":")
        index = rest.split("index=")[-1].strip() if "index=" in rest else "0"
        if path.lower().endswith((".ttf", ".ttc")) and index.isdigit():
            found.append((FontFile(Path(path), int(index)), None))
    return found


def truetype_problem(font: FontFile) -> str:
    """Why reportlab cannot embed this font ("" if it can): missing, not a font, or CFF outlines."""
    try:
        with font.path.open("rb") as handle:
            head = handle.read(12)
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if font.index >= count:
                    return _("the collection has {count} fonts, not {index}").format(count=count,
                                                                                     index=font.index + 1)
                handle.seek(12 + 4 * font.index)
                (offset,) = struct.unpack(">I", handle.read(4))
                handle.seek(offset)
                head = handle.read(4)
    except FileNotFoundError:
        return _("the file does not exist")
    except (OSError, struct.error) as error:
        return _("the file cannot be read ({error})").format(error=error)
    if head[:4] == b"OTTO":
        return _("it has PostScript (CFF) outlines, which cannot be embedded; choose a TrueType font")
    if head[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return _("it is not a TrueType font")
    return ""


def _register(font: FontFile) -> str:
    """Register the font under a name derived from its file, so two files never share a name."""
    name = f"IAD-CJK-{zlib.crc32(str(font.path).encode()):08x}-{font.index}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(font.path), subfontIndex=font.index))
    return name


def _try(font: FontFile) -> tuple[str | None, str]:
    problem = truetype_problem(font)
    if problem:
        return None, problem
    try:
        return _register(font), ""
    except (TTFError, OSError, ValueError, struct.error) as error:
        return None, str(error)


@lru_cache(maxsize=8)
def load_fonts(configured_path: str = "") -> FontSet:
    """The fonts for documents; registration is done once per configured path and cached.

    `configured_path` is Settings.cjk_font_path: a .ttf, or a .ttc with an optional
    ",N" suffix choosing the font of the collection ("simsun.ttc,1").
    """
    notices = []
    if configured_path.strip():
        chosen = _configured_font(configured_path.strip())
        name, problem = _try(chosen)
        if name is not None:
            return FontSet(name, name, str(chosen.path), True, latin_bold=_latin_bold())
        notices.append(_("The Chinese font {path} chosen in the settings cannot be used: {problem}.").format(
            path=chosen.path, problem=problem))
    for regular, bold in [*bundled_candidates(), *system_candidates(), *_fontconfig_candidates()]:
        name, _problem = _try(regular)
        if name is None:
            continue
        bold_name = _try(bold)[0] if bold is not None else None
        notice = " ".join([*notices, _("Using {path} instead.").format(path=regular.path)]) if notices else ""
        if notice:
            warnings.warn(notice, FontFallbackWarning, stacklevel=2)
        return FontSet(name, bold_name or name, str(regular.path), True, notice,
                       latin_bold="" if bold_name else _latin_bold())
    if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    notice = " ".join([
        *notices,
        _("No TrueType Chinese font was found (such as Microsoft YaHei, SimSun or WenQuanYi Micro Hei); "
          "PDFs use the viewer's {font} font, which is not embedded. Choose a font file in the settings.").format(
            font=CID_FALLBACK),
    ])
    warnings.warn(notice, FontFallbackWarning, stacklevel=2)
    return FontSet(CID_FALLBACK, CID_FALLBACK, CID_FALLBACK, False, notice)


def _latin_bold() -> str:
    for candidate in latin_bold_candidates():
        name = _try(candidate)[0]
        if name is not None:
            return name
    return ""


def _configured_font(value: str) -> FontFile:
    path, _sep, index = value.rpartition(",")
    if path and index.strip().isdigit():
        return FontFile(Path(path).expanduser(), int(index))
    return FontFile(Path(value).expanduser())


class UnprintableTextWarning(UserWarning):
    """A text holds characters the document's font has no glyph for (Arabic, Hebrew, emoji…)."""


@lru_cache(maxsize=16)
def _covered(font_name: str) -> frozenset[int] | None:
    """The characters a registered TrueType font can draw; None when unknown (a CID font)."""
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    mapping = getattr(face, "charToGlyph", None)
    return frozenset(mapping) if isinstance(mapping, dict) else None


def missing_characters(font_name: str, text: str) -> str:
    """The characters of `text` (each once, in order) that `font_name` cannot draw."""
    covered = _covered(font_name)
    if covered is None:
        return ""
    missing = dict.fromkeys(ch for ch in text if ord(ch) not in covered and not ch.isspace())
    return "".join(missing)


def warn_if_unprintable(font_name: str, text: str) -> None:
    """Say (as an UnprintableTextWarning) which text will print with blank boxes, and why."""
    missing = missing_characters(font_name, text)
    if missing:
        shown = text if len(text) <= 60 else text[:57] + "…"
        warnings.warn(UnprintableTextWarning(
            _("The PDF cannot show {chars} in \u201c{text}\u201d: the document's font has no such characters "
              "(such as Arabic, Hebrew or emoji), so they print as blank boxes.").format(
                chars=" ".join(missing[:8]), text=shown)),
            stacklevel=3)
