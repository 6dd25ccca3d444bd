"""Which characters a stored text may hold: the rule every save and every import applies.

A one-line text (a title, a name, an e-mail, a link: every `String` column) holds no
line break, tab or other control character. A multi-line text (descriptions, notes,
findings: every `Text` column) keeps its line breaks and tabs but holds no other
control character. Neither holds a lone surrogate or U+FFFE / U+FFFF.

Why: a line break in a title breaks every one-line format it reaches (an .ics line, a
CSV row, a file name); NUL is refused by PostgreSQL, so one saved NUL would make every
search and save fail; the other control characters cannot be written to an .xlsx file
or shown, and silently dropping them on the way out would make a form made from the
record differ from the record.
"""
from __future__ import annotations

import re
import unicodedata

from app.i18n import _

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, lone surrogates
# and the two non-characters XML cannot hold.
_ONE_LINE_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_MULTI_LINE_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")
_NAMES = {"\x00": "NUL", "\t": "TAB", "\x1b": "ESC", "\x7f": "DEL"}


def character_name(char: str) -> str:
    """How a message names a character nobody can see: "U+001B (ESC)"."""
    code = f"U+{ord(char):04X}"
    name = _NAMES.get(char)
    if name is None and not 0xD800 <= ord(char) <= 0xDFFF:
        name = unicodedata.name(char, "")
    return f"{code} ({name})" if name else code


def refused(value: str, *, multi_line: bool = False) -> bool:
    """Whether `value` holds a character it may not (fast: one regular-expression search)."""
    return (_MULTI_LINE_REFUSED if multi_line else _ONE_LINE_REFUSED).search(value) is not None


def text_problem(label: str, value: str, *, multi_line: bool = False) -> str | None:
    """A one-sentence message naming the field if `value` holds a character it may not, else None."""
    found = (_MULTI_LINE_REFUSED if multi_line else _ONE_LINE_REFUSED).search(value)
    if found is None:
        return None
    char = found.group()
    if not multi_line and char in _LINE_BREAKS:
        return _("{label}: a line break is not allowed here; write it on one line.").format(label=label)
    return _("{label}: contains the invisible control character {char}, which cannot be stored; "
             "remove it (it often comes with text pasted from another program).").format(
        label=label, char=character_name(char))


def one_line(value: str) -> str:
    """`value` with every refused character (line breaks included) turned into a space, for
    one-line outputs of texts saved before the rule (a calendar's name, a file name)."""
    return " ".join(_ONE_LINE_REFUSED.sub(" ", value).split())


def without_controls(value: str) -> str:
    """`value` without the characters a multi-line text may not hold; line breaks and tabs stay."""
    return _MULTI_LINE_REFUSED.sub("", value)
