"""Demo data, who takes part: reference lists, semesters, departments and staff, partner universities."""
from __future__ import annotations

from collections import defaultdict
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.demo.content import (
    DEPARTMENTS,
    PARTNERS,
    LANGUAGE_CODES,
    CONTACT_NAMES,
    CONTACT_POSITIONS,
    SURNAMES,
    GIVEN_NAMES,
    POSITIONS,
    AREA_CONTENT,
    GENERIC_CONTENT,
)
from app.demo.state import (
    BuilderBase,
    DrawnArea,
    DrawnContact,
    DrawnDepartment,
    DrawnPartner,
    DrawnPerson,
    DrawnSemester,
    ascii_slug,
    semester_dates,
    semester_key,
    zone_or,
)
from models import (
    Department,
    Partner,
    PartnerContact,
    Person,
    RubricItem,
    Semester,
    TopicArea,
)
from models.enums import (
    PartnerStatus,
)


class DirectorySteps(BuilderBase):
    # -- reference data --
    def _load_reference(self) -> None:
        for area_id, name_en, name_zh in self.session.execute(
            select(TopicArea.id, TopicArea.name_en, TopicArea.name_zh)
            .where(TopicArea.active.is_(True)).order_by(TopicArea.id)
        ):
            self.areas.append(DrawnArea(area_id, name_en, name_zh, AREA_CONTENT.get(name_en, GENERIC_CONTENT)))
        if not self.areas:  # every area switched off: proposals go without one
            self.areas.append(DrawnArea(None, "General", "综合", GENERIC_CONTENT))
        self.rubric_ids = list(self.session.scalars(
            select(RubricItem.id).where(RubricItem.active.is_(True)).order_by(RubricItem.position, RubricItem.id)
        ))
        rng = self.rng
        names: list[str] = []
        while len(names) < self.plan.interpreters:
            (zh_s, en_s), (zh_g, en_g) = rng.choice(SURNAMES), rng.choice(GIVEN_NAMES)
            name = f"{en_g} {en_s} ({zh_s}{zh_g})"
            if name not in names:
                names.append(name)
        self.interpreters = names

    def _area(self, name_en: str) -> DrawnArea:
        for area in self.areas:
            if area.name_en == name_en:
                return area
        return self.rng.choice(self.areas)  # an officer renamed or removed it: any area will do

    # -- semesters --
    def _make_semesters(self) -> None:
        year, term = semester_key(self.today)
        # The running semester, the next one, and the rest in the past.
        keys: list[tuple[int, int]] = []
        y, t = (year, term + 1) if term == 0 else (year + 1, 0)
        for _ in range(self.plan.semesters):
            keys.append((y, t))
            y, t = (y, t - 1) if t == 1 else (y - 1, 1)
        keys.reverse()
        wanted = [semester_dates(y, t) for y, t in keys]
        existing = {
            row.name: row for row in self.session.execute(
                select(Semester.id, Semester.name, Semester.starts_on, Semester.ends_on, Semester.topic_deadline)
                .where(Semester.name.in_([name for name, *_ in wanted]))
            )
        }
        rows: list[dict[str, Any]] = []
        new: list[DrawnSemester] = []
        for name, start, end, deadline in wanted:
            if name in existing:
                row = existing[name]
                self.semesters.append(DrawnSemester(row.id, row.name, row.starts_on, row.ends_on, row.topic_deadline))
                continue
            semester = DrawnSemester(0, name, start, end, deadline)
            self.semesters.append(semester)
            new.append(semester)
            rows.append(self._versioned(name=name, starts_on=start, ends_on=end, topic_deadline=deadline))
        self._insert_with_ids(Semester.__table__, rows, new, "semesters")

    # -- departments and people --
    def _make_departments(self) -> None:
        chosen = DEPARTMENTS[: self.plan.departments]
        existing = {
            row.name_en: row for row in self.session.execute(
                select(Department.id, Department.name_en, Department.name_zh, Department.code)
                .where(Department.name_en.in_([name for name, *_ in chosen]))
            )
        }
        rows: list[dict[str, Any]] = []
        new: list[DrawnDepartment] = []
        for name_en, name_zh, code, area_name in chosen:
            area = self._area(area_name)
            if name_en in existing:
                row = existing[name_en]
                self.departments.append(DrawnDepartment(row.id, row.name_en, row.name_zh, row.code or code, area))
                continue
            department = DrawnDepartment(0, name_en, name_zh, code, area)
            self.departments.append(department)
            new.append(department)
            rows.append(self._versioned(name_en=name_en, name_zh=name_zh, code=code,
                                        contact_email=f"{code.lower()}@sjtu.edu.cn"))
        self._insert_with_ids(Department.__table__, rows, new, "departments")

        # On --add, new staff get names not already used in their department, and emails not used anywhere.
        taken_names: set[tuple[int, str]] = set()
        taken_emails: set[str] = set()
        if existing:
            for department_id, name_en, name_zh, email in self.session.execute(
                select(Person.department_id, Person.name_en, Person.name_zh, Person.email)
            ):
                taken_names.add((department_id, name_en))
                taken_names.add((department_id, name_zh))
                taken_emails.add(email)
        rng = self.rng
        rows = []
        people: list[DrawnPerson] = []
        for department in self.departments:
            count = rng.randint(*self.plan.people_per_department)
            for index in range(count):
                for _attempt in range(50):
                    (zh_s, en_s), (zh_g, en_g) = rng.choice(SURNAMES), rng.choice(GIVEN_NAMES)
                    name_en, name_zh = f"{en_g} {en_s}", f"{zh_s}{zh_g}"
                    if (department.id, name_en) not in taken_names and (department.id, name_zh) not in taken_names:
                        break
                taken_names.update({(department.id, name_en), (department.id, name_zh)})
                email = f"{ascii_slug(en_g)}.{ascii_slug(en_s)}@sjtu.edu.cn"
                serial = 2
                while email in taken_emails:
                    email = f"{ascii_slug(en_g)}.{ascii_slug(en_s)}{serial}@sjtu.edu.cn"
                    serial += 1
                taken_emails.add(email)
                position = "Director" if index == 0 else "Deputy Director" if index == 1 else rng.choice(POSITIONS)
                person = DrawnPerson(0, department, name_en, name_zh)
                department.people.append(person)
                people.append(person)
                notes = "Speaks English and Japanese." if rng.random() < 0.05 else ""
                rows.append(self._versioned(department_id=department.id, name_en=name_en, name_zh=name_zh,
                                            position=position, email=email, notes=notes))
        self._insert_with_ids(Person.__table__, rows, people, "people")
        self.people = people

    # -- partners and contacts --
    def _make_partners(self) -> None:
        chosen = PARTNERS[: self.plan.partners]
        existing = {
            row.name: row for row in self.session.execute(
                select(Partner.id, Partner.name, Partner.name_zh, Partner.timezone, Partner.status)
                .where(Partner.name.in_([item[0] for item in chosen]))
            )
        }
        existing_contacts: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        if existing:
            for contact_id, partner_id, name, unit in self.session.execute(
                select(PartnerContact.id, PartnerContact.partner_id, PartnerContact.name, PartnerContact.unit)
                .where(PartnerContact.partner_id.in_([row.id for row in existing.values()]))
                .order_by(PartnerContact.id)
            ):
                existing_contacts[partner_id].append((contact_id, name, unit))
        rows: list[dict[str, Any]] = []
        new: list[DrawnPartner] = []
        for name, name_zh, country, city, zone, languages, region, domain, _pool, status in chosen:
            language = next((LANGUAGE_CODES[lang.strip()] for lang in languages.split(",")
                             if lang.strip() in LANGUAGE_CODES), "en")
            if name in existing:
                row = existing[name]
                partner = DrawnPartner(row.id, name, row.name_zh, zone_or(row.timezone, zone), region, domain, language,
                                   PartnerStatus(row.status).value)
                partner.contacts = [DrawnContact(cid, partner, cname, unit)
                                    for cid, cname, unit in existing_contacts[row.id]]
                self.partners.append(partner)
                continue
            partner = DrawnPartner(0, name, name_zh, ZoneInfo(zone), region, domain, language, status)
            self.partners.append(partner)
            new.append(partner)
            notes = "Framework agreement signed; student exchange since 2012." if self.rng.random() < 0.3 else ""
            rows.append(self._versioned(
                name=name, name_zh=name_zh, country=country, city=city, timezone=zone, website=f"https://www.{domain}",
                languages=languages, region=region, status=PartnerStatus(status), notes=notes,
            ))
        self._insert_with_ids(Partner.__table__, rows, new, "partners")

        rng = self.rng
        pools = {item[0]: item[8] for item in chosen}
        units = sorted({str(content["unit"]) for content in AREA_CONTENT.values()})
        rows = []
        contacts: list[DrawnContact] = []
        for partner in new:
            first_names, last_names = CONTACT_NAMES[pools[partner.name]]
            used: set[str] = set()
            for index in range(rng.randint(1, 4)):
                first, last = rng.choice(first_names), rng.choice(last_names)
                name = f"{first} {last}"
                if name in used:
                    continue
                used.add(name)
                unit = "International Office" if index == 0 else rng.choice(units)
                contact = DrawnContact(0, partner, name, unit)
                partner.contacts.append(contact)
                contacts.append(contact)
                rows.append(self._versioned(
                    partner_id=partner.id, name=name, unit=unit, position=rng.choice(CONTACT_POSITIONS),
                    email=f"{ascii_slug(first)}.{ascii_slug(last)}@{partner.domain}",
                ))
        self._insert_with_ids(PartnerContact.__table__, rows, contacts, "contacts")

    # -- proposals and outreach --
