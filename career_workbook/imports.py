"""Bring a real network in: LinkedIn's ``Connections.csv`` (or a plain CSV), pure parsing.

LinkedIn's export starts with a ``Notes:`` preamble and a blank line, then the header
``First Name,Last Name,URL,Email Address,Company,Position,Connected On``; dates look like
``15 Mar 2024``; Email Address is usually empty; some rows are only commas; older exports
lack URL and Position. A plain CSV with the same columns (with or without a BOM) works too,
separated by commas, semicolons (Excel where the decimal mark is a comma) or tabs: see
:func:`find_separator`, which every CSV import of the product uses. Dates may carry a time
of day (``2026-11-05 00:00:00``) or be a spreadsheet's day number (``46000``).

Everything here takes text and returns data: no files are read or written. Saving goes
through ``store.edit`` (the CLI) or the form's ``session.save`` (notebook 07), both of which
call :func:`plan_contacts` again on the file as it is then, so nothing is added twice.

Examples
--------
>>> text = ('Notes:\\n"Some emails are missing."\\n\\n'
...         'First Name,Last Name,URL,Email Address,Company,Position,Connected On\\n'
...         'Ana,Silva,https://www.linkedin.com/in/ana-silva,,Acme,Engineer,15 Mar 2024\\n'
...         ',,,,,,\\n'
...         'Bo,Chen,,,Beta,,31 Feb 2024\\n')
>>> parsed = parse_connections(text)
>>> [(r.line, r.name, r.company, r.connected) for r in parsed.rows]
[(5, 'Ana Silva', 'Acme', datetime.date(2024, 3, 15)), (7, 'Bo Chen', 'Beta', None)]
>>> [str(p) for p in parsed.problems]
['line 6: an empty row (only commas); skipped', "line 7: Connected On = '31 Feb 2024' is not a date like 15 Mar 2024; imported without a last-contact date"]
"""  # noqa: E501

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from career_workbook.day_text import spreadsheet_day
from career_workbook.model import SHORT_TEXT_TYPED, Contact, Workbook, WorkbookError, person_key
from career_workbook.wording import month_number, plural, short_date

__all__ = [
    "COLUMNS",
    "ContactPlan",
    "ContactRow",
    "ParsedContacts",
    "SEPARATORS",
    "RowProblem",
    "Separator",
    "contact_from_row",
    "csv_error_text",
    "csv_text",
    "day_numbers_note",
    "decode_csv",
    "find_separator",
    "normalise_name",
    "normalise_url",
    "parse_connections",
    "plan_contacts",
    "read_connected_on",
    "preview_lines",
    "problems_to_show",
]

COLUMNS = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
           "Connected On")
_KEYS = {  # header (casefolded, spaces squeezed) -> field
    "first name": "first", "last name": "last", "url": "url", "profile url": "url",
    "email address": "email", "email": "email", "company": "company",
    "organisation": "company", "organization": "company", "position": "position",
    "title": "position", "connected on": "connected",
}
_DATE_FORMATS = ("%d %m %Y", "%d-%m-%y", "%d-%m-%Y", "%m %d, %Y")
"""How LinkedIn and spreadsheets write a Connected On day with its month named (``15 Mar
2024``, ``15-Mar-24``, ``Mar 15, 2024``), the month's name read as its number first
(:func:`~career_workbook.wording.month_number`: English, whatever the locale, where
``strptime``'s ``%b`` follows ``LC_TIME``)."""
MAX_ROWS = 50_000
_NAME_MAX = 200
_ORGANISATION_MAX: int = SHORT_TEXT_TYPED
"""The longest organisation a contact keeps: a longer Company goes into the notes."""


@dataclass(frozen=True)
class RowProblem:
    """A row that could not be read (``skipped``) or was read with a change."""

    line: int
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class ContactRow:
    """One connection as read from the file (``line``: the file's line where it starts)."""

    line: int
    first: str
    last: str
    url: str = ""
    email: str = ""
    company: str = ""
    position: str = ""
    connected: date | None = None

    @property
    def name(self) -> str:
        return " ".join(f"{self.first} {self.last}".split())


@dataclass(frozen=True)
class ParsedContacts:
    """What :func:`parse_connections` read: the rows, every problem, and the file's shape."""

    rows: tuple[ContactRow, ...]
    problems: tuple[RowProblem, ...]
    shape: str  # "LinkedIn export", "plain CSV" or "unreadable"


def _squeeze(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


_NOT_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def csv_text(text: str) -> str:
    """The text of a CSV file as every import reads it: no BOM, each line ending (Windows
    ``\\r\\n``, old Mac ``\\r``) a ``\\n``, and no control characters but tab and newline.

    >>> csv_text("\\ufeffa,b\\rc,d\\x00\\x1b\\r\\n")
    'a,b\\nc,d\\n'
    """
    text = (text or "").removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_TEXT.sub("", text)


def decode_csv(data: bytes, name: str) -> str:
    """The text of an uploaded or read CSV file (UTF-8 with or without a BOM, or UTF-16
    with its BOM, as Excel's "Unicode text" is).

    >>> decode_csv("skill\\tlevel\\n".encode("utf-16"), "fb.txt")
    'skill\\tlevel\\n'

    UTF-16 without a BOM is recognised by its zero bytes (every other byte of plain text):

    >>> decode_csv("skill,level\\n".encode("utf-16-le"), "fb.csv")
    'skill,level\\n'
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif len(data) % 2 == 0 and b"\x00" in data[:200]:
        head = data[:2000]
        for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
            if zeros.count(0) > len(zeros) * 0.6:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorkbookError(f"{name}: the file is not UTF-8 text; save it as “CSV UTF-8”") \
            from None


def csv_error_text(err: csv.Error) -> str:
    """What a ``csv.Error`` means, as the imports say it.

    >>> csv_error_text(csv.Error("field larger than field limit (131072)"))
    'the file stops being CSV here (a value is longer than 131,072 characters)'
    """
    reason = str(err)
    if "field limit" in reason:
        reason = f"a value is longer than {csv.field_size_limit():,} characters"
    return f"the file stops being CSV here ({reason})"


_TIME_OF_DAY = re.compile(r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?[AaPp]\.?[Mm]\.?)?$")


def read_connected_on(text: str, today: date | None = None) -> tuple[date | None, bool]:
    """The day a Connected On value names, and whether it was a spreadsheet day number.

    A time of day after the date is ignored (a spreadsheet writes ``2026-11-05 00:00:00``).
    A five-digit number is a day number of Excel's (and LibreOffice's) 1900 date system,
    read only when it falls between 1990 and the end of next year
    (:func:`~career_workbook.day_text.spreadsheet_day`, every import's rule): any other
    number is not a date. A day after ``today`` (when given) is returned too: the caller refuses it.

    >>> read_connected_on("15 Mar 2024"), read_connected_on("2026-11-05 00:00:00")
    ((datetime.date(2024, 3, 15), False), (datetime.date(2026, 11, 5), False))
    >>> read_connected_on("46000", date(2026, 12, 1)), read_connected_on("46000.75")[0]
    ((datetime.date(2025, 12, 9), True), datetime.date(2025, 12, 9))
    >>> read_connected_on("12345"), read_connected_on("31 Feb 2024")
    ((None, False), (None, False))
    >>> read_connected_on("Dec 3, 2024")[0], read_connected_on("03-Dec-24")[0]
    (datetime.date(2024, 12, 3), datetime.date(2024, 12, 3))
    """
    value = " ".join(text.split())
    if re.fullmatch(r"\d+(?:[.,]\d+)?", value):
        day = spreadsheet_day(value, today)
        return (day, True) if day is not None else (None, False)
    value = _TIME_OF_DAY.sub("", value)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
        formats: tuple[str, ...] = ("%Y-%m-%d",)
    else:
        words = re.findall(r"[^\W\d_]+", value)
        month = month_number(words[0]) if len(words) == 1 else None
        if month is None:
            return None, False
        value, formats = value.replace(words[0], str(month), 1), _DATE_FORMATS
    for fmt in formats:
        try:
            return datetime.strptime(value, fmt).date(), False
        except ValueError:
            continue
    return None, False


SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}
"""The separators every CSV import reads: commas; semicolons, as Excel writes CSV where the
decimal mark is a comma; tabs, as in Excel's "Unicode text"."""

_SEEN = (",", ";", "\t", "|")  # what a file's columns may look separated by, for messages
_QUOTED = re.compile(r'"[^"]*"')


@dataclass(frozen=True)
class Separator:
    """The separator a CSV file is read with (see :func:`find_separator`): ``char``;
    ``found`` when a header line split by it has the expected columns; ``seen``: the
    character the file's columns look separated by ("" for none)."""

    char: str
    found: bool
    seen: str

    @property
    def note(self) -> str:
        """What the separator was, for a message about a header that was not found.

        >>> Separator(";", False, ";").note
        'its columns are separated by semicolons'
        >>> Separator(",", False, "|").note
        "its columns seem separated by '|': save it with commas, semicolons or tabs"
        """
        if self.seen in SEPARATORS:
            return f"its columns are separated by {SEPARATORS[self.seen]}"
        if self.seen:
            return (f"its columns seem separated by {self.seen!r}: save it with commas, "
                    "semicolons or tabs")
        return "no comma, semicolon or tab separates its columns"


def find_separator(text: str, is_header: Callable[[list[str]], bool], *,
                   lines: int = 50) -> Separator:
    r"""The separator (comma, semicolon or tab) of a CSV text: the one that splits one of
    its first ``lines`` lines into cells ``is_header`` accepts, trying first the character
    that line holds most. Every CSV import reads with it: one rule for all.

    When no line fits, ``char`` is the separator the file seems to use (a comma if none of
    the three) and :attr:`Separator.note` says what it was.

    >>> names = lambda cells: {"First Name", "Last Name"} <= set(cells)
    >>> text = '\ufeffFirst Name;Last Name;Company\r\nAna;Silva;"Acme, Inc"\r\n'
    >>> find_separator(text, names)
    Separator(char=';', found=True, seen=';')
    >>> find_separator('Notes:\n"Emails, some"\n\nFirst Name,Last Name\n', names).char
    ','
    >>> find_separator("Vorname|Nachname\nAna|Silva\n", names)
    Separator(char=',', found=False, seen='|')
    """
    head = csv_text(text[:200_000]).split("\n", lines)[:lines]
    for line in head:
        for char in sorted(SEPARATORS, key=line.count, reverse=True):
            if line.count(char) and is_header(next(csv.reader([line], delimiter=char), [])):
                return Separator(char, True, char)
    seen = ""
    for line in head:
        counts = {c: _QUOTED.sub("", line).count(c) for c in _SEEN}
        if any(counts.values()):
            seen = max(_SEEN, key=counts.__getitem__)
            break
    return Separator(seen if seen in SEPARATORS else ",", False, seen)


def day_numbers_note(found: Sequence[tuple[int, str, date]], column: str,
                     unit: str = "line", where: str = "in the preview") -> str:
    """One note for every value of ``column`` read as a spreadsheet day number
    (``found``: ``(line or row, value, day)``, the first shown), as every import says it;
    ``where`` the person checks the days read.

    >>> day_numbers_note([(2, "46298", date(2026, 10, 3)), (5, "46300", date(2026, 10, 5))],
    ...                  "date", "row", "below")
    "date: 2 rows hold spreadsheet day numbers, read as dates (row 2: '46298' is 3 Oct 2026): check them below"
    """  # noqa: E501
    line, raw, day = found[0]
    one = len(found) == 1
    what = ("holds a spreadsheet day number, read as a date" if one else
            "hold spreadsheet day numbers, read as dates")
    return (f"{column}: {plural(len(found), 'row')} {what} ({unit} {line}: {raw!r} is "
            f"{short_date(day)}): check {'it' if one else 'them'} {where}")


def _day_numbers_note(found: Sequence[tuple[int, str, date]]) -> RowProblem:
    """One note for every Connected On read as a spreadsheet day number (the first shown)."""
    return RowProblem(0, day_numbers_note(found, "Connected On"), skipped=False)


def _header_keys(cells: Iterable[str]) -> list[str | None]:
    return [_KEYS.get(" ".join(c.casefold().split())) for c in cells]


def _names_both(cells: list[str]) -> bool:
    keys = _header_keys(cells)
    return "first" in keys and "last" in keys


def parse_connections(text: str, *, today: date | None = None) -> ParsedContacts:
    """Read a LinkedIn ``Connections.csv`` export or a plain CSV with the same columns.

    The header is the first row naming both ``First Name`` and ``Last Name`` (any case);
    anything above it (LinkedIn's ``Notes:``) is skipped. Every row that cannot be read is
    listed with its line and why; a row with an unreadable (or, given ``today``, future)
    date is kept without a last-contact date, and says so. Columns may be separated by
    commas, semicolons or tabs (:func:`find_separator`); dates given as spreadsheet day
    numbers are read, and one note says so (the preview shows the days read).

    >>> parsed = parse_connections('First Name;Last Name;Company;Connected On;\\r\\n'
    ...                            'Ana;Silva;"Acme; Inc";46000;\\r\\n;;;;\\r\\n',
    ...                            today=date(2026, 12, 1))
    >>> [(r.name, r.company, r.connected) for r in parsed.rows]
    [('Ana Silva', 'Acme; Inc', datetime.date(2025, 12, 9))]
    >>> [str(p) for p in parsed.problems]
    ['line 3: an empty row (only semicolons); skipped', "Connected On: 1 row holds a spreadsheet day number, read as a date (line 2: '46000' is 9 Dec 2025): check it in the preview"]
    """  # noqa: E501
    text = csv_text(text)
    problems: list[RowProblem] = []
    rows: list[ContactRow] = []
    separator = find_separator(text, _names_both)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator.char, strict=False)
    day_numbers: list[tuple[int, str, date]] = []
    header: dict[str, int] | None = None
    preamble = False
    line = end = 0  # the lines of the record read: a quoted value may span several
    try:
        for cells in reader:
            line, end = end + 1, reader.line_num
            if header is None:
                keys = _header_keys(cells)
                if "first" in keys and "last" in keys:
                    header = {k: i for i, k in reversed(list(enumerate(keys))) if k}
                    missing = [c for c, k in (("Company", "company"),
                                              ("Connected On", "connected")) if k not in header]
                    if missing:
                        problems.append(RowProblem(line, "no " + " or ".join(missing) +
                                                   " column: those details stay empty",
                                                   skipped=False))
                elif any(c.strip() for c in cells):
                    preamble = True
                continue
            if len(rows) + len(problems) > MAX_ROWS:
                problems.append(RowProblem(line, f"more than {MAX_ROWS} rows: the rest "
                                                 "was not read"))
                break
            if not any(c.strip() for c in cells):
                if cells and len(cells) > 1:
                    problems.append(RowProblem(line, "an empty row (only "
                                               f"{SEPARATORS[separator.char]}); skipped"))
                continue

            def get(key: str, cells: list[str] = cells,
                    header: dict[str, int] = header) -> str:
                i = header.get(key)
                return _squeeze(cells[i]) if i is not None and i < len(cells) else ""

            first, last = get("first"), get("last")
            if not first and not last:
                problems.append(RowProblem(line, "no first or last name; skipped"))
                continue
            name = f"{first} {last}".strip()
            if len(name) > _NAME_MAX:
                problems.append(RowProblem(
                    line, f"the name is longer than {_NAME_MAX} characters; skipped"))
                continue
            raw_date = get("connected")
            connected, day_number = (read_connected_on(raw_date, today) if raw_date
                                     else (None, False))
            why = ""
            if raw_date and connected is None:
                why = "is not a date like 15 Mar 2024"
            elif connected is not None and today is not None and connected > today:
                why = (f"is {short_date(connected)}, in the future" if day_number else
                       "is in the future")
                connected = None
            elif day_number:
                day_numbers.append((line, raw_date, connected))
            if why:
                shown = raw_date if len(raw_date) <= 40 else raw_date[:37] + "..."
                problems.append(RowProblem(line, f"Connected On = {shown!r} {why}; imported "
                                                 "without a last-contact date", skipped=False))
            if len(get("company")) > _ORGANISATION_MAX:
                problems.append(RowProblem(
                    line, f"the company is longer than {_ORGANISATION_MAX} characters: kept in "
                          "the notes, not as the organisation", skipped=False))
            rows.append(ContactRow(line, first, last, get("url")[:2_000], get("email")[:500],
                                   get("company")[:2_000], get("position")[:2_000], connected))
    except csv.Error as err:
        problems.append(RowProblem(end + 1, f"{csv_error_text(err)}; the rows after it were "
                                            "not read"))
    if day_numbers:
        problems.append(_day_numbers_note(day_numbers))
    if header is None:
        problems.insert(0, RowProblem(0, "no header row with “First Name” and “Last Name” "
                                         f"({separator.note}): is this LinkedIn's "
                                         "Connections.csv? Expected columns: "
                                         + ", ".join(COLUMNS)))
        shape = "unreadable"
    else:
        shape = "LinkedIn export" if preamble else "plain CSV"
    return ParsedContacts(tuple(rows), tuple(problems), shape)


def normalise_name(text: str) -> str:
    """Name or organisation as compared for duplicates: case, accents, punctuation
    (:func:`~career_workbook.model.person_key`, the forms' rule).

    >>> normalise_name("  José  O'Neil-Smith ") == normalise_name("jose oneil smith")
    True
    """
    return person_key(text)


def normalise_url(url: str) -> str:
    """A profile URL as compared for duplicates (no scheme, ``www.``, query or last ``/``).

    >>> normalise_url("HTTPS://www.LinkedIn.com/in/ana-silva/?trk=x")
    'linkedin.com/in/ana-silva'
    """
    u = url.strip().casefold()
    u = re.sub(r"^[a-z]+://", "", u)
    u = u.removeprefix("www.")
    u = re.split(r"[?#]", u, maxsplit=1)[0]
    return u.rstrip("/")


_URL_IN_NOTES = re.compile(r"https?://\S+", re.IGNORECASE)


def contact_from_row(row: ContactRow) -> Contact:
    """The contact for one row: organisation = Company, last contact = Connected On; the
    position, profile URL and email go into the notes (the workbook has no field for them).

    >>> c = contact_from_row(ContactRow(3, "Ana", "Silva", "https://x.com/in/a", "", "Acme",
    ...                                 "Engineer", date(2024, 3, 15)))
    >>> c.name, c.organisation, c.last_contact, c.relationship
    ('Ana Silva', 'Acme', datetime.date(2024, 3, 15), 'other')
    >>> print(c.notes)
    Role: Engineer
    LinkedIn: https://x.com/in/a
    Imported from LinkedIn (connected 2024-03-15).
    """
    notes = []
    organisation = row.company if len(row.company) <= _ORGANISATION_MAX else ""
    if row.company and not organisation:
        notes.append(f"Company: {row.company}")
    if row.position:
        notes.append(f"Role: {row.position}")
    if row.url:
        notes.append(f"LinkedIn: {row.url}")
    if row.email:
        notes.append(f"Email: {row.email}")
    when = f" (connected {row.connected.isoformat()})" if row.connected else ""
    notes.append(f"Imported from LinkedIn{when}.")
    return Contact(name=row.name, relationship="other", organisation=organisation,
                   last_contact=row.connected, strength=2, notes="\n".join(notes))


@dataclass(frozen=True)
class ContactPlan:
    """What an import would do: contacts to add, rows of people already in the network
    (``duplicates``) and rows repeating an earlier row of the file (``repeats``), with why."""

    new: tuple[tuple[ContactRow, Contact], ...]
    duplicates: tuple[tuple[ContactRow, str], ...]
    repeats: tuple[tuple[ContactRow, str], ...] = ()

    @property
    def skipped(self) -> tuple[tuple[ContactRow, str], ...]:
        """Every row not added, in the file's order, with why."""
        return tuple(sorted((*self.duplicates, *self.repeats), key=lambda item: item[0].line))


def plan_contacts(existing: Sequence[Contact] | Workbook, rows: Iterable[ContactRow]
                  ) -> ContactPlan:
    """Split ``rows`` into new contacts, duplicates of existing ones and repeats of an
    earlier row: same name and organisation (ignoring case, accents and punctuation), or
    the same profile URL (found in a contact's notes).

    >>> rows = [ContactRow(2, "Ana", "Silva", company="Acme"),
    ...         ContactRow(3, "ANA", "SILVA", company="acme"),
    ...         ContactRow(4, "Ana", "Silva", company="Other Co")]
    >>> plan = plan_contacts([], rows)
    >>> [r.line for r, _ in plan.new], [(r.line, why) for r, why in plan.repeats]
    ([2, 4], [(3, 'same name and organisation as line 2')])
    """
    contacts = existing.contacts if isinstance(existing, Workbook) else existing
    stored: tuple[dict[Any, str], dict[str, str]] = ({}, {})  # by name and organisation, URL
    for c in contacts:
        stored[0].setdefault(c.person_key, f"already in your network as {c.name}")
        for url in _URL_IN_NOTES.findall(c.notes):
            stored[1].setdefault(normalise_url(url), f"already in your network as {c.name} "
                                                     "(same profile URL)")
    earlier: tuple[dict[Any, str], dict[str, str]] = ({}, {})  # rows of this file
    new: list[tuple[ContactRow, Contact]] = []
    dups: list[tuple[ContactRow, str]] = []
    repeats: list[tuple[ContactRow, str]] = []
    for row in rows:
        key = (normalise_name(row.name), normalise_name(row.company))
        url = normalise_url(row.url) if row.url else ""
        for seen, skipped in ((stored, dups), (earlier, repeats)):
            why = seen[0].get(key) or (seen[1].get(url) if url else None)
            if why is not None:
                skipped.append((row, why))
                break
        else:
            new.append((row, contact_from_row(row)))
            earlier[0][key] = f"same name and organisation as line {row.line}"
            if url:
                earlier[1][url] = f"same profile URL as line {row.line}"
    return ContactPlan(tuple(new), tuple(dups), tuple(repeats))


def problems_to_show(parsed: ParsedContacts, plan: ContactPlan) -> list[RowProblem]:
    """The file's problems, but for the rows not imported anyway (a row already in the
    network or repeated in the file gets only that message, not also a note on its date).

    >>> parsed = parse_connections("First Name,Last Name,Company,Connected On\\n"
    ...                            "Ann,Lee,,2027-01-01\\nAnn,Lee,,2027-01-01\\n",
    ...                            today=date(2026, 11, 22))
    >>> [str(p) for p in problems_to_show(parsed, plan_contacts([], parsed.rows))]
    ["line 2: Connected On = '2027-01-01' is in the future; imported without a last-contact date"]
    """  # noqa: E501
    skipped = {row.line for row, _ in plan.skipped}
    return [p for p in parsed.problems if p.skipped or p.line not in skipped]


def preview_lines(parsed: ParsedContacts, plan: ContactPlan, *, limit: int = 20) -> list[str]:
    r"""The preview as plain lines (the CLI prints them; the form shows a table).

    >>> parsed = parse_connections("First Name,Last Name,Company,Connected On\n"
    ...                            "Ann,Lee,,2026-11-01\n,,,2026-11-02\nAnn,Lee,,2026-11-01\n",
    ...                            today=date(2026, 11, 22))
    >>> print("\n".join(preview_lines(parsed, plan_contacts([], parsed.rows))))
    plain CSV: 2 rows read; 1 new contact, 0 already in your network, 1 repeated in the file, 1 row could not be read.
      + Ann Lee (connected 2026-11-01)
      = line 4: Ann Lee: same name and organisation as line 2
      ! line 3: no first or last name; skipped
    """  # noqa: E501
    repeated = f"{len(plan.repeats)} repeated in the file, " if plan.repeats else ""
    out = [f"{parsed.shape}: {plural(len(parsed.rows), 'row')} read; "
           f"{plural(len(plan.new), 'new contact')}, {len(plan.duplicates)} already in your "
           f"network, {repeated}"
           f"{plural(sum(p.skipped for p in parsed.problems), 'row')} could not be read."]
    for _row, contact in plan.new[:limit]:
        when = (f"connected {contact.last_contact.isoformat()}" if contact.last_contact
                else "no connection date")
        org = f" — {contact.organisation}" if contact.organisation else ""
        out.append(f"  + {contact.name}{org} ({when})")
    if len(plan.new) > limit:
        out.append(f"  … and {len(plan.new) - limit} more")
    for row, why in plan.skipped[:limit]:
        out.append(f"  = line {row.line}: {row.name}: {why}")
    out += [f"  ! {p}" for p in problems_to_show(parsed, plan)]
    return out
