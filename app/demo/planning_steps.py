"""Demo data, step 3: exchanges with their outreach, workshops, participants, panels, attendance and preparation."""
from __future__ import annotations

import string
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any


from app.demo.content import (
    PANEL_TITLES_ZH,
    title_zh,
    ZH_LEARN,
    ZH_SHARE,
    OUTCOMES,
    CANCEL_REASONS,
    OFFICERS,
)
from app.demo.state import (
    BREAKOUTS,
    BuilderBase,
    MAIN_ROOM,
    SHANGHAI,
    T,
    DrawnContact,
    DrawnExchange,
    IdHolder,
    DrawnParticipation,
    DrawnPartner,
    DrawnProposal,
    DrawnWorkshop,
    in_blackout,
    inconvenience,
    weighted,
)
from models import (
    Attendance,
    Exchange,
    Outreach,
    Panel,
    PanelSpeaker,
    Participation,
    Preparation,
    Workshop,
    exchange_contacts,
    exchange_departments,
    exchange_partners,
)
from models.enums import (
    ExchangeKind,
    OutreachStatus,
    ParticipantRole,
    PartnerStatus,
    ProposalStatus,
    WorkshopStatus,
)


class PlanningSteps(BuilderBase):
    def _make_exchanges(self) -> None:
        rng = self.rng
        active = [partner for partner in self.partners if partner.status == PartnerStatus.ACTIVE.value]
        if not active:
            active = list(self.partners)
        used_pairs: set[tuple[int, int, int]] = set()  # (semester, department, partner)
        outreach_rows: list[dict[str, Any]] = []
        for proposal in self.proposals:
            semester = proposal.semester
            contacted = (semester.topic_deadline or semester.starts_on) + timedelta(days=rng.randint(10, 40))
            if proposal.status is ProposalStatus.SCHEDULED:
                region = str(proposal.row["preferred_region"])
                pool = [p for p in active if p.region == region] if region and rng.random() < 0.6 else active
                partners = [self._pick_partner(pool or active, proposal, used_pairs)]
                if rng.random() < 0.1:
                    second = rng.choice(active)
                    if second is not partners[0]:
                        partners.append(second)
                departments = [proposal.department]
                if rng.random() < 0.2:
                    other = rng.choice(self.departments)
                    if other is not proposal.department:
                        departments.append(other)
                contacts: list[DrawnContact] = []
                for partner in partners:
                    if partner.contacts:
                        contacts.extend(rng.sample(partner.contacts, rng.randint(1, min(3, len(partner.contacts)))))
                multi = rng.random() < 0.4
                rounds = rng.choice((2, 2, 3)) if multi else 1
                exchange = DrawnExchange(semester, proposal, ExchangeKind.MULTI_ROUND if multi else ExchangeKind.ONE_OFF,
                                     rounds, partners, departments, contacts)
                self.exchanges.append(exchange)
                for partner in partners:
                    outreach_rows.append(self._outreach_row(proposal, partner, OutreachStatus.AGREED, contacted))
                others = [p for p in self.partners if p not in partners]
                for partner in rng.sample(others, rng.randint(0, 2)):
                    status = weighted(rng, [(OutreachStatus.DECLINED, 3), (OutreachStatus.NO_REPLY, 2),
                                             (OutreachStatus.INTERESTED, 1)])
                    outreach_rows.append(self._outreach_row(proposal, partner, status, contacted))
            elif proposal.status is ProposalStatus.ACCEPTED:
                past = semester.starts_on <= self.today
                for partner in rng.sample(self.partners, rng.randint(1, 3)):
                    if past:
                        status = weighted(rng, [(OutreachStatus.DECLINED, 3), (OutreachStatus.NO_REPLY, 3),
                                                 (OutreachStatus.INTERESTED, 1)])
                    else:
                        status = weighted(rng, [(OutreachStatus.PLANNED, 2), (OutreachStatus.CONTACTED, 3),
                                                 (OutreachStatus.INTERESTED, 2), (OutreachStatus.NO_REPLY, 1)])
                    outreach_rows.append(self._outreach_row(proposal, partner, status, contacted))
        self._insert(Outreach.__table__, outreach_rows, "outreach")

        rows = []
        for exchange in self.exchanges:
            notes = rng.choice(["", "", "", "Partner prefers slides three days ahead.",
                                "Partner's fiscal year starts in April; plan the second round accordingly.",
                                "对方希望提前收到我方发言提纲。"])
            rows.append(self._versioned(
                semester_id=exchange.semester.id, proposal_id=exchange.proposal.id, title=exchange.proposal.title,
                title_zh=title_zh(exchange.proposal.title), kind=exchange.kind, planned_rounds=exchange.rounds, notes=notes,
            ))
        self._insert_with_ids(Exchange.__table__, rows, self.exchanges, "exchanges")
        self._insert(exchange_partners, [{"exchange_id": e.id, "partner_id": p.id}
                                         for e in self.exchanges for p in e.partners])
        self._insert(exchange_departments, [{"exchange_id": e.id, "department_id": d.id}
                                            for e in self.exchanges for d in e.departments])
        self._insert(exchange_contacts, [{"exchange_id": e.id, "contact_id": c.id}
                                         for e in self.exchanges for c in e.contacts])

    def _pick_partner(self, pool: list[DrawnPartner], proposal: DrawnProposal,
                      used: set[tuple[int, int, int]]) -> DrawnPartner:
        """A partner the department does not already meet this semester, when there is one."""
        for _ in range(8):
            partner = self.rng.choice(pool)
            key = (proposal.semester.id, proposal.department.id, partner.id)
            if key not in used:
                break
        used.add(key)
        return partner

    def _outreach_row(self, proposal: DrawnProposal, partner: DrawnPartner, status: OutreachStatus,
                      contacted: date) -> dict[str, Any]:
        rng = self.rng
        contacted_on: date | None = min(contacted, self.today)
        answered_on: date | None = None
        if status is OutreachStatus.PLANNED:
            contacted_on = None
        elif status in (OutreachStatus.AGREED, OutreachStatus.DECLINED, OutreachStatus.INTERESTED):
            answered_on = min(contacted + timedelta(days=rng.randint(3, 20)), self.today)
        notes = {
            OutreachStatus.AGREED: "Agreed; counterpart unit named.",
            OutreachStatus.DECLINED: rng.choice(["No capacity this semester.", "Topic not a priority for them."]),
            OutreachStatus.NO_REPLY: "Reminder sent after two weeks.",
            OutreachStatus.INTERESTED: "Interested; asks for a short concept note.",
        }.get(status, "")
        return self._versioned(proposal_id=proposal.id, partner_id=partner.id, status=status,
                               contacted_on=contacted_on, answered_on=answered_on, notes=notes)

    # -- workshops --
    def _make_workshops(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        any_independent = False
        for exchange in self.exchanges:
            semester = exchange.semester
            window_start = semester.starts_on + timedelta(days=14)
            window_end = semester.ends_on - timedelta(days=14)
            asian = exchange.partners[0].region in ("East Asia", "Southeast Asia")
            platform = weighted(rng, [("Zoom", 4), ("Tencent Meeting", 4 if asian else 1), ("Teams", 2)])
            duration = rng.choice((150, 160, 165, 170, 180))
            language = exchange.partners[0].language
            wants_interpretation = rng.random() < (0.7 if language != "en" else 0.45)
            pair = f"zh-{language}" if language != "en" and rng.random() < 0.5 else "zh-en"
            latest_first = window_end - timedelta(days=28 * (exchange.rounds - 1))
            day = window_start + timedelta(days=rng.randint(0, max(0, (latest_first - window_start).days)))
            for round_number in range(1, exchange.rounds + 1):
                if round_number > 1:
                    day = exchange.workshops[-1].starts_at.date() + timedelta(days=rng.randint(21, 35))
                starts_at = self._schedule(exchange, day, duration, semester.ends_on)
                ends_at = starts_at + timedelta(minutes=duration)
                interpreter = ""
                if wants_interpretation:
                    interpreter = self._book_interpreter(starts_at, ends_at, exclude=())
                status = self._workshop_status(starts_at, ends_at)
                workshop = DrawnWorkshop(exchange, round_number, starts_at, duration, status, interpreter,
                                     pair if interpreter else "")
                exchange.workshops.append(workshop)
                self.workshops.append(workshop)
            for workshop in exchange.workshops:
                minutes = outcome = ""
                independent = False
                if workshop.status is WorkshopStatus.HELD:
                    minutes = self._minutes(workshop)
                    outcome = rng.choice(OUTCOMES)
                    if workshop is exchange.workshops[-1] and (rng.random() < 0.3 or not any_independent):
                        independent = any_independent = workshop.continues_independently = True
                elif workshop.status is WorkshopStatus.CANCELLED:
                    outcome = rng.choice(CANCEL_REASONS)
                rows.append(self._versioned(
                    exchange_id=exchange.id, round_number=workshop.round_number, starts_at=workshop.starts_at,
                    duration_minutes=workshop.duration, platform=platform, link=self._link(platform),
                    interpretation_languages=workshop.language_pair, interpreter=workshop.interpreter,
                    status=workshop.status, minutes=minutes, outcome=outcome, continues_independently=independent,
                ))
        self._insert_with_ids(Workshop.__table__, rows, self.workshops, "workshops")

    def _schedule(self, exchange: DrawnExchange, first_try: date, duration: int, last_day: date) -> datetime:
        """A weekday start at a time both sides can attend; no two rounds of a department on one day."""
        rng = self.rng
        zone = exchange.partners[0].zone
        best: tuple[int, datetime] | None = None
        day = first_try
        for attempt in range(14):
            if attempt:
                day = first_try + timedelta(days=rng.randint(1, 10) * (1 if attempt % 2 else -1))
            if day.weekday() >= 5 or in_blackout(day):
                continue
            if day > last_day and best is not None:
                continue
            if any((d.id, day) in self.busy_department_days for d in exchange.departments):
                continue
            candidates: list[tuple[int, datetime]] = []
            for half_hours in range(0, 27):  # 00:00-13:00 UTC = 08:00-21:00 in Shanghai, same calendar day
                start = datetime.combine(day, time(half_hours // 2, 30 * (half_hours % 2)), tzinfo=UTC)
                # The partner's convenience weighs a little more: we are the ones asking.
                penalty = (inconvenience(start, duration, SHANGHAI, 19 * 60)
                           + inconvenience(start, duration, zone, 18 * 60 + 30) * 6 // 5)
                candidates.append((penalty, start))
            low = min(penalty for penalty, _ in candidates)
            choice = rng.choice([c for c in candidates if c[0] == low])
            if best is None or choice[0] < best[0]:
                best = choice
            if low < 1_000:
                break
        if best is None:  # every try hit a weekend or a busy day: fall back to the first Monday after
            day = first_try + timedelta(days=7 - first_try.weekday())
            best = (0, datetime.combine(day, time(8), tzinfo=UTC))
        for department in exchange.departments:
            self.busy_department_days.add((department.id, best[1].date()))
        return best[1]

    def _book_interpreter(self, start: datetime, end: datetime, exclude: Sequence[str]) -> str:
        """An interpreter free for the whole interval, or '' when all are booked."""
        order = list(self.interpreters)
        self.rng.shuffle(order)
        for name in order:
            if name in exclude:
                continue
            bookings = self.interpreter_bookings[(name, start.date())]
            if all(end <= b_start or start >= b_end for b_start, b_end in bookings):
                bookings.append((start, end))
                return name
        return ""

    def _workshop_status(self, starts_at: datetime, ends_at: datetime) -> WorkshopStatus:
        rng = self.rng
        if ends_at <= self.now:
            return WorkshopStatus.CANCELLED if rng.random() < 0.06 else WorkshopStatus.HELD
        if starts_at - self.now <= timedelta(days=45):
            return weighted(rng, [(WorkshopStatus.CONFIRMED, 15), (WorkshopStatus.PLANNED, 4),
                                   (WorkshopStatus.CANCELLED, 1)])
        return weighted(rng, [(WorkshopStatus.PLANNED, 17), (WorkshopStatus.CONFIRMED, 3)])

    def _link(self, platform: str) -> str:
        rng = self.rng
        if platform == "Zoom":
            return f"https://zoom.us/j/{rng.randint(10**9, 10**10 - 1)}"
        if platform == "Tencent Meeting":
            return f"https://meeting.tencent.com/dm/{''.join(rng.choices(string.ascii_letters + string.digits, k=12))}"
        code = "".join(rng.choices(string.ascii_lowercase + string.digits, k=24))
        return f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{code}%40thread.v2/0"

    def _minutes(self, workshop: DrawnWorkshop) -> str:
        exchange = workshop.exchange
        partner = exchange.partners[0]
        if self.rng.random() < 0.3:
            return (f"第{workshop.round_number}轮交流：我校与{partner.name_zh or partner.name}围绕“{exchange.proposal.title}”"
                    f"进行了约{workshop.duration // 60}小时的线上交流。双方介绍了各自做法，并就下一步合作交换了意见。")
        return (f"Round {workshop.round_number} of {exchange.rounds} with {exchange.partner_label} on "
                f"\"{exchange.proposal.title}\". Both sides presented current practice; the discussion focused on "
                f"{self.rng.choice([str(x) for x in exchange.proposal.area.content['learn']])}. "
                f"Action: circulate slides and the partner's documents to all participants.")

    # -- participations --
    def _make_participations(self) -> None:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        for exchange in self.exchanges:
            pool = [person for department in exchange.departments for person in department.people]
            wanted = min(len(pool), rng.randint(*self.plan.participants))
            chosen = rng.sample(pool, wanted)
            speakers = rng.randint(1, 3)
            for index, person in enumerate(chosen):
                if index == 0:
                    role = ParticipantRole.LEAD
                elif index <= speakers:
                    role = ParticipantRole.SPEAKER
                else:
                    role = weighted(rng, [(ParticipantRole.PARTICIPANT, 8), (ParticipantRole.OBSERVER, 1),
                                           (ParticipantRole.MODERATOR, 1)])
                participation = DrawnParticipation(person, exchange, role)
                exchange.participants.append(participation)
                self.participations.append(participation)
                rows.append(self._versioned(person_id=person.id, exchange_id=exchange.id, role=role))
        self._insert_with_ids(Participation.__table__, rows, self.participations, "participations")

    # -- panels and speakers --
    def _make_panels(self) -> None:
        rng = self.rng
        panel_rows: list[dict[str, Any]] = []
        speakers: list[tuple[int, list[tuple[int | None, int | None]]]] = []  # (panel index, [(person, contact)])
        any_concurrent = False
        for workshop in self.workshops:
            exchange = workshop.exchange
            area = exchange.proposal.area
            topics = [str(title) for title in area.content["panels"]]
            rng.shuffle(topics)
            ours = [p for p in exchange.participants
                    if p.role in (ParticipantRole.LEAD, ParticipantRole.SPEAKER, ParticipantRole.MODERATOR)]
            ours = ours or list(exchange.participants)
            theirs = list(exchange.contacts)
            lead = exchange.participants[0].person.display if exchange.participants else ""
            concurrent = (not any_concurrent) or rng.random() < 0.45
            slots = self._slots(workshop.duration, concurrent)
            any_concurrent = any_concurrent or any(tracks == 2 for _, _, tracks in slots)
            for slot_index, (offset, minutes, tracks) in enumerate(slots):
                starts_at = workshop.starts_at + timedelta(minutes=offset)
                if slot_index == 0:
                    titles = ["Welcome and introductions"]
                elif slot_index == len(slots) - 1:
                    titles = ["Open discussion and next steps"]
                else:
                    titles = [topics.pop() if topics else f"Discussion {slot_index}" for _ in range(tracks)]
                # Concurrent panels get disjoint speakers and different moderators and interpreters.
                our_groups = self._split(ours, tracks)
                their_groups = self._split(theirs, tracks)
                moderators = rng.sample(OFFICERS, tracks) if tracks > 1 else []
                interpreters_used: list[str] = []
                for track_index in range(tracks):
                    track = MAIN_ROOM if tracks == 1 else BREAKOUTS[track_index]
                    length = minutes if track_index == 0 else max(30, minutes - rng.choice((0, 5)))
                    if tracks > 1:
                        zh, en = moderators[track_index]
                        moderator = f"{zh} {en}"
                    elif lead and (slot_index == 0 or rng.random() < 0.5):
                        moderator = lead
                    else:
                        zh, en = rng.choice(OFFICERS)
                        moderator = f"{zh} {en}"
                    group_ours = our_groups[track_index][: rng.randint(1, 2)]
                    group_theirs = their_groups[track_index][:1]
                    interpreter = ""
                    if workshop.interpreter and (group_theirs or rng.random() < 0.5):
                        if track_index == 0:
                            interpreter = workshop.interpreter
                        else:
                            interpreter = self._book_interpreter(
                                starts_at, starts_at + timedelta(minutes=length), exclude=interpreters_used
                            )
                    if interpreter:
                        interpreters_used.append(interpreter)
                    panel_rows.append(self._versioned(
                        workshop_id=workshop.id, title=titles[track_index],
                        title_zh=title_zh(titles[track_index], PANEL_TITLES_ZH),
                        description="" if rng.random() < 0.6 else
                        f"Short inputs from both sides, then questions. Topic: {exchange.proposal.title}.",
                        track=track, starts_at=starts_at, duration_minutes=length, moderator=moderator,
                        interpretation_needed=bool(interpreter), language_pair=workshop.language_pair if interpreter
                        else "", interpreter=interpreter,
                    ))
                    panel_speakers: list[tuple[int | None, int | None]] = [(p.person.id, None) for p in group_ours]
                    panel_speakers += [(None, c.id) for c in group_theirs]
                    if not panel_speakers and ours:
                        panel_speakers = [(ours[0].person.id, None)]
                    speakers.append((len(panel_rows) - 1, panel_speakers))
        records = [IdHolder() for _ in panel_rows]
        self._insert_with_ids(Panel.__table__, panel_rows, records, "panels")
        speaker_rows = [
            {"panel_id": records[index].id, "person_id": person_id, "contact_id": contact_id, "position": position}
            for index, group in speakers for position, (person_id, contact_id) in enumerate(group)
        ]
        self._insert(PanelSpeaker.__table__, speaker_rows, "panel_speakers")

    def _split(self, items: Sequence[T], parts: int) -> list[list[T]]:
        """Shuffled items dealt into `parts` disjoint groups (so nobody speaks in two rooms at once)."""
        shuffled = list(items)
        self.rng.shuffle(shuffled)
        return [shuffled[index::parts] for index in range(parts)]

    def _slots(self, duration: int, concurrent: bool) -> list[tuple[int, int, int]]:
        """(minutes from start, length, tracks) for 4-6 panels of 30-40 minutes inside the workshop."""
        rng = self.rng
        count = 4 if duration < 165 else rng.choice((4, 5))
        lengths = [rng.choice((30, 35, 40)) for _ in range(count)]
        gap = rng.choice((5, 10))
        while sum(lengths) + gap * (count - 1) > duration:
            if gap > 0:
                gap -= 5
            else:
                longest = max(range(count), key=lambda i: lengths[i])
                lengths[longest] -= 5
        tracks = [1] * count
        if concurrent:
            middle = list(range(1, count - 1))
            for index in rng.sample(middle, min(len(middle), 6 - count, rng.choice((1, 1, 2)))):
                tracks[index] = 2
        slots = []
        offset = 0
        for length, track_count in zip(lengths, tracks, strict=True):
            slots.append((offset, length, track_count))
            offset += length + gap
        return slots

    # -- attendance and preparation --
    def _make_attendance_and_preparation(self) -> None:
        rng = self.rng
        attendance: list[dict[str, Any]] = []
        preparations: list[dict[str, Any]] = []
        for participation in self.participations:
            exchange = participation.exchange
            for workshop in exchange.workshops:
                if workshop.status is WorkshopStatus.HELD:
                    attended = rng.random() < 0.92
                    self.rounds_attended[participation.id] += attended
                    attendance.append({"participation_id": participation.id, "workshop_id": workshop.id,
                                       "attended": attended})
            first = exchange.workshops[0].starts_at if exchange.workshops else self.now
            share = 0.85 if first - self.now < timedelta(days=30) else 0.4
            if rng.random() >= share:
                continue
            content = exchange.proposal.area.content
            area_zh = exchange.proposal.area.name_zh or exchange.proposal.area.name_en
            if rng.random() < 0.45:
                to_learn = rng.choice(ZH_LEARN).format(area=area_zh)
                to_share = rng.choice(ZH_SHARE).format(area=area_zh)
            else:
                to_learn = f"I want to learn {rng.choice([str(x) for x in content['learn']])}."
                to_share = f"I will present {rng.choice([str(x) for x in content['share']])}."
            materials = "\n".join(
                [f"https://jbox.sjtu.edu.cn/l/{''.join(rng.choices(string.ascii_letters + string.digits, k=6))}"]
                + ([f"https://www.{exchange.partners[0].domain}/about"] if rng.random() < 0.5 else [])
            ) if rng.random() < 0.7 else ""
            self.prepared.add(participation.id)
            preparations.append(self._versioned(participation_id=participation.id, to_learn=to_learn,
                                                to_share=to_share, materials=materials))
        self._insert(Attendance.__table__, attendance, "attendance")
        self._insert(Preparation.__table__, preparations, "preparations")

    # -- reports --
