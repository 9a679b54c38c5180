"""Check-ins, goal responsibility and period reminders (all SQL for them lives here)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, Connection, and_, bindparam, exists, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from bot.db.engine import Database, StorageGone
from bot.db.models import (
    Branch,
    CheckIn,
    CheckInRevision,
    District,
    Goal,
    GoalResponsible,
    Person,
    ReminderPolicy,
    ReminderSent,
    Role,
    Section,
)
from bot.db.people import KnownPerson, Member, PeopleRepository, find_known, find_person, remember_person
from bot.services.export import ExportQuery, ExportRow
from bot.services.people import PersonInfo
from bot.services.progress import Report


@dataclass(frozen=True)
class StoredCheckIn:
    id: int
    goal_id: int
    goal_number: int | None
    branch: str | None  # None: for the whole district
    reporter: str | None  # None once the reporter asked to be forgotten
    value: float
    happened_on: date
    area: str | None
    comment: str | None
    created_at: datetime
    withdrawn: bool
    reporter_id: int | None = None  # who reported it (None once forgotten)


class AlreadyStored(Exception):
    """A check-in form sent again: the check-in it stored the first time."""

    def __init__(self, checkin_id: int) -> None:
        super().__init__(checkin_id)
        self.checkin_id = checkin_id


class NotStored(Exception):
    """The database could not take a check-in (locked past the busy timeout, a full disk): none is stored."""


@dataclass(frozen=True)
class BranchInfo:
    id: int
    name: str
    chair_ids: tuple[int, ...]
    added_at: datetime | None = None  # when the board added it (aware, UTC)


@dataclass(frozen=True)
class Reporter:
    """Whoever sends a check-in, as deciding which branch it counts for and storing it need them."""

    district_id: int | None  # None: there is no such district
    person: KnownPerson | None  # None: the bot has not met them
    chairs: tuple[BranchInfo, ...] = ()  # the district's branches they chair, by name
    responsible: frozenset[int] = frozenset()  # the goals (ids) of the district they are responsible for
    branches: tuple[BranchInfo, ...] = ()  # all the district's branches, by name


class CheckInRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def reporter(self, person: PersonInfo, district: str) -> Reporter:
        """Who `person` is in the district: the branches they chair and the goals they are responsible for
        (and the district's branches, which a check-in may name)."""
        with self.db.rows() as connection:
            district_id = connection.execute(_DISTRICT_ID, {"district": district}).scalar()
            if district_id is None:
                return Reporter(district_id, None)
            branches = tuple(_branches(connection, district))
            known = find_known(connection, person)
            if known is None:
                return Reporter(district_id, known, branches=branches)
            responsible = connection.execute(_RESPONSIBLE, {"person": known.id, "district": district_id})
            goals = frozenset(responsible.scalars())
        chairs = tuple(b for b in branches if known.id in b.chair_ids)
        return Reporter(district_id, known, chairs, goals, branches)

    def add(
        self,
        *,
        district: str,
        goal_id: int,
        branch_id: int | None,
        reporter: PersonInfo,
        value: float,
        happened_on: date,
        area: str | None,
        comment: str | None,
        now: datetime,
        submission: str | None = None,
    ) -> StoredCheckIn:
        """Store a check-in in one transaction, committed when this returns (only then may the user be told).
        AlreadyStored if a check-in with this `submission` token is stored already; NotStored if the
        database could not take it."""
        try:
            with self.db.write() as session:
                _refuse_repeat(session, submission)
                checkin = CheckIn(
                    district_id=_district(session, district).id or 0,
                    goal_id=goal_id,
                    branch_id=branch_id,
                    reporter_id=remember_person(session, reporter, now),
                    value=value,
                    happened_on=happened_on,
                    area=area,
                    comment=comment,
                    created_at=now,
                    updated_at=now,
                    submission=submission,
                )
                session.add(checkin)
                session.flush()
                return _stored(session, checkin)
        except IntegrityError:
            # Writers take turns, so the check above sees a stored token; the unique index is the backstop.
            with self.db.read() as session:
                _refuse_repeat(session, submission)
            raise
        except OperationalError as error:
            raise NotStored(str(error.orig)) from error
        except StorageGone as error:
            raise NotStored(str(error)) from error

    def same_report(
        self,
        district: str,
        goal_id: int,
        branch_id: int | None,
        happened_on: date,
        value: float,
        *,
        area: str | None = None,
        submission: str | None = None,
    ) -> StoredCheckIn | None:
        """A standing check-in with the same goal, branch, day, value and area, if one is stored; first,
        AlreadyStored if one with this `submission` token is (the same message or form sent again)."""
        with self.db.read() as session:
            _refuse_repeat(session, submission)
            row = session.exec(
                _standing(district, goal_id, branch_id)
                .where(CheckIn.happened_on == happened_on, CheckIn.value == value, CheckIn.area == area)
                .order_by(col(CheckIn.id))
            ).first()
            if row is None:
                return None
            # The same message stored a moment ago (outside a snapshot, PostgreSQL reads each statement
            # afresh): AlreadyStored.
            _refuse_repeat(session, submission)
            return _stored(session, row)

    def done_report(
        self, district: str, goal_id: int, branch_id: int | None, *, year: int
    ) -> StoredCheckIn | None:
        """The first standing check-in of `year` that says the goal is done (value 1) for the branch (None:
        the district), if one is stored."""
        with self.db.read() as session:
            row = session.exec(
                _standing(district, goal_id, branch_id)
                .where(
                    CheckIn.value >= 1, col(CheckIn.happened_on).between(date(year, 1, 1), date(year, 12, 31))
                )
                .order_by(col(CheckIn.happened_on), col(CheckIn.id))
            ).first()
            return _stored(session, row) if row is not None else None

    def mine(self, reporter: PersonInfo, district: str, *, limit: int = 10) -> list[StoredCheckIn]:
        """The reporter's latest check-ins in the district, withdrawn ones included (marked)."""
        with self.db.read() as session:
            person = find_person(session, reporter)
            if person is None:
                return []
            rows = session.exec(
                select(CheckIn)
                .join(District, col(District.id) == col(CheckIn.district_id))
                .where(CheckIn.reporter_id == person.id, District.name == district)
                .order_by(col(CheckIn.created_at).desc(), col(CheckIn.id).desc())
                .limit(limit)
            ).all()
            return _stored_all(session, rows)

    def seen_by(
        self,
        reader: PersonInfo,
        district: str,
        branch_ids: Sequence[int],
        *,
        goal_ids: Collection[int] = (),
        goal_id: int | None = None,
        year: int | None = None,
        day: date | None = None,
        standing: bool = False,
        offset: int = 0,
        limit: int = 10,
    ) -> tuple[list[StoredCheckIn], int, int]:
        """The district's check-ins the reader made, that count for `branch_ids` (on goals every branch
        has) or that are on `goal_ids` (those they are responsible for), newest first (withdrawn ones
        included unless `standing`), narrowed to a goal, a year or a day of happening: `limit` of them from
        `offset`, how many there are in all, and how many of those are withdrawn."""
        with self.db.read() as session:
            person = find_person(session, reader)
            # a district goal's report made "för Sundsvall" is the district's, not Sundsvall's to change
            every_branch = sa_select(col(Goal.id)).where(col(Goal.applies_to_branches))
            whose: list[ColumnElement[bool]] = [
                and_(col(CheckIn.branch_id).in_(list(branch_ids)), col(CheckIn.goal_id).in_(every_branch)),
                col(CheckIn.goal_id).in_(list(goal_ids)),
            ]
            if person is not None:
                whose.append(col(CheckIn.reporter_id) == person.id)
            query = (
                select(CheckIn)
                .join(District, col(District.id) == col(CheckIn.district_id))
                .where(District.name == district, or_(*whose))
            )
            if goal_id is not None:
                query = query.where(CheckIn.goal_id == goal_id)
            if year is not None:
                query = query.where(col(CheckIn.happened_on).between(date(year, 1, 1), date(year, 12, 31)))
            if day is not None:
                query = query.where(CheckIn.happened_on == day)
            if standing:
                query = query.where(col(CheckIn.withdrawn_at).is_(None))
            listed = query.subquery()
            total, withdrawn = session.exec(
                select(func.count(), func.count(listed.c.withdrawn_at)).select_from(listed)
            ).one()
            rows = session.exec(
                query.order_by(col(CheckIn.created_at).desc(), col(CheckIn.id).desc())
                .offset(offset)
                .limit(limit)
            ).all()
            return _stored_all(session, rows), int(total), int(withdrawn)

    def get(self, checkin_id: int, *, district: str | None = None) -> StoredCheckIn | None:
        """A check-in by its number; with `district`, only one of that district's (another district's
        number is as good as unknown)."""
        with self.db.read() as session:
            query = select(CheckIn).where(CheckIn.id == checkin_id)
            if district is not None:
                query = query.join(District, col(District.id) == col(CheckIn.district_id)).where(
                    District.name == district
                )
            row = session.exec(query).first()
            return _stored(session, row) if row else None

    def by_submissions(self, tokens: Sequence[str], *, district: str) -> dict[str, StoredCheckIn]:
        """The standing check-ins stored under these submission tokens, by token."""
        with self.db.read() as session:
            rows = session.exec(
                select(CheckIn)
                .join(District, col(District.id) == col(CheckIn.district_id))
                .where(col(CheckIn.submission).in_(list(tokens)), District.name == district)
            ).all()
            return {
                row.submission or "": found
                for row, found in zip(rows, _stored_all(session, rows), strict=True)
            }

    def correct(
        self,
        checkin_id: int,
        *,
        by: PersonInfo,
        value: float,
        happened_on: date,
        comment: str | None,
        now: datetime,
        area: str | None = None,
    ) -> StoredCheckIn:
        """Change a check-in, keeping what it was before (who changed it, when); `area` None keeps it.
        Committed when this returns; NotStored if the database could not take it (nothing changed)."""
        try:
            with self.db.write() as session:
                row = session.get(CheckIn, checkin_id)
                assert row is not None
                changer = remember_person(session, by, now)
                session.add(_revision(row, "edit", changer, now))
                row.value, row.happened_on = value, happened_on
                if area is not None:
                    row.area = area
                if comment is not None:
                    row.comment = comment
                row.updated_at = now
                session.flush()
                return _stored(session, row)
        except OperationalError as error:
            raise NotStored(str(error.orig)) from error
        except StorageGone as error:
            raise NotStored(str(error)) from error

    def withdraw(self, checkin_id: int, *, by: PersonInfo, now: datetime) -> bool:
        """Withdraw a check-in (False: it was already); committed when this returns. NotStored if the
        database could not take it (it still counts)."""
        try:
            with self.db.write() as session:
                row = session.get(CheckIn, checkin_id)
                if row is None or row.withdrawn_at is not None:
                    return False
                changer = remember_person(session, by, now)
                session.add(_revision(row, "withdraw", changer, now))
                row.withdrawn_at = now
                row.updated_at = now
                return True
        except OperationalError as error:
            raise NotStored(str(error.orig)) from error
        except StorageGone as error:
            raise NotStored(str(error)) from error

    def reports(
        self, district: str, *, year: int, goal_id: int | None = None, as_of: datetime | None = None
    ) -> dict[int, list[Report]]:
        """Every standing check-in of the year (of one goal if given), by goal id, as progress reads them;
        with `as_of`, as they stood at that moment (before the corrections and withdrawals made since)."""
        if as_of is not None:
            return self._reports_as_of(district, year=year, as_of=as_of)
        statement = sa_select(
            col(CheckIn.goal_id),
            col(CheckIn.value),
            col(CheckIn.happened_on),
            col(CheckIn.branch_id),
            col(CheckIn.area),
            col(CheckIn.created_at),
            col(CheckIn.first_branch_id),
        ).where(
            col(CheckIn.withdrawn_at).is_(None),
            col(CheckIn.happened_on) >= date(year, 1, 1),
            col(CheckIn.happened_on) <= date(year, 12, 31),
        )
        if goal_id is not None:  # a goal is of one district: its own index finds its check-ins
            statement = statement.where(col(CheckIn.goal_id) == goal_id)
        else:
            statement = statement.join(District, col(District.id) == col(CheckIn.district_id)).where(
                col(District.name) == district
            )
        with self.db.rows() as connection:
            rows = connection.execute(statement).all()
        by_goal: dict[int, list[Report]] = defaultdict(list)
        for goal_id_, value, happened_on, branch_id, area, created_at, first in rows:
            by_goal[goal_id_].append(Report(value, happened_on, branch_id, area, created_at, first))
        return dict(by_goal)

    def _reports_as_of(self, district: str, *, year: int, as_of: datetime) -> dict[int, list[Report]]:
        """The check-ins stored by `as_of` and not withdrawn by then, each with the value and day it had then:
        a revision keeps what a check-in was before a change, so the first change after `as_of` holds it."""
        statement = (
            sa_select(
                col(CheckIn.id),
                col(CheckIn.goal_id),
                col(CheckIn.value),
                col(CheckIn.happened_on),
                col(CheckIn.branch_id),
                col(CheckIn.area),
                col(CheckIn.created_at),
                col(CheckIn.withdrawn_at),
                col(CheckIn.first_branch_id),
            )
            .join(District, col(District.id) == col(CheckIn.district_id))
            .where(col(District.name) == district, col(CheckIn.created_at) <= as_of)
        )
        later = (
            sa_select(
                col(CheckInRevision.checkin_id),
                col(CheckInRevision.value),
                col(CheckInRevision.happened_on),
                col(CheckInRevision.changed_at),
            )
            .join(CheckIn, col(CheckIn.id) == col(CheckInRevision.checkin_id))
            .join(District, col(District.id) == col(CheckIn.district_id))
            .where(col(District.name) == district, col(CheckInRevision.changed_at) > as_of)
            .order_by(col(CheckInRevision.changed_at), col(CheckInRevision.id))
        )
        with self.db.rows() as connection:
            rows = connection.execute(statement).all()
            revisions = connection.execute(later).all()
        then: dict[int | None, tuple[float, date]] = {}
        for checkin_id, value, happened_on, _ in revisions:
            then.setdefault(checkin_id, (value, happened_on))  # the first change after as_of
        by_goal: dict[int, list[Report]] = defaultdict(list)
        for row_id, goal_id, value, happened_on, branch_id, area, created_at, withdrawn_at, first in rows:
            if withdrawn_at is not None and withdrawn_at <= as_of:
                continue
            value, happened_on = then.get(row_id, (value, happened_on))
            if happened_on.year == year:
                by_goal[goal_id].append(Report(value, happened_on, branch_id, area, created_at, first))
        return dict(by_goal)

    def export_rows(self, query: ExportQuery) -> list[ExportRow]:
        """The check-ins the board's export shows, oldest first: standing ones (withdrawn too if asked).

        Deliberately nothing about who reported them (see bot/services/export.py).
        """
        corrected = (
            exists()
            .where(col(CheckInRevision.checkin_id) == col(CheckIn.id), col(CheckInRevision.action) == "edit")
            .correlate(CheckIn)
        )
        statement = (
            sa_select(
                col(CheckIn.id),
                col(Goal.number),
                col(Goal.text),
                col(Goal.text_en),
                col(Section.title),
                col(Section.title_en),
                col(Branch.name),
                col(CheckIn.value),
                col(CheckIn.happened_on),
                col(CheckIn.area),
                col(CheckIn.comment),
                col(CheckIn.created_at),
                corrected.label("corrected"),
                col(CheckIn.withdrawn_at),
                col(Goal.target),
            )
            .join(District, col(District.id) == col(CheckIn.district_id))
            .join(Goal, col(Goal.id) == col(CheckIn.goal_id))
            .join(Section, col(Section.id) == col(Goal.section_id), isouter=True)
            .join(Branch, col(Branch.id) == col(CheckIn.branch_id), isouter=True)
            .where(col(District.name) == query.district)
            .order_by(col(CheckIn.happened_on), col(CheckIn.id))
        )
        if not query.include_withdrawn:
            statement = statement.where(col(CheckIn.withdrawn_at).is_(None))
        if query.period is not None:
            statement = statement.where(
                col(CheckIn.happened_on) >= query.period.start, col(CheckIn.happened_on) <= query.period.end
            )
        if query.branch is not None:
            statement = statement.where(col(Branch.name) == query.branch)
        if query.goal is not None:
            statement = statement.where(col(Goal.number) == query.goal)
        with self.db.read() as session:
            rows = session.execute(statement).all()
        return [
            ExportRow(
                id=row[0],
                goal_number=row[1],
                goal_text=row[2],
                goal_text_en=row[3],
                section=row[4],
                section_en=row[5],
                branch=row[6],
                value=row[7],
                happened_on=row[8],
                area=row[9],
                comment=row[10],
                reported_at=row[11],
                corrected=bool(row[12]),
                withdrawn=row[13] is not None,
                done_or_not=(row[14] or {}).get("kind") == "done",
            )
            for row in rows
        ]

    def latest(self, goal_id: int, *, year: int, limit: int = 3) -> list[StoredCheckIn]:
        """The goal's latest standing check-ins of the year (those its progress counts)."""
        with self.db.read() as session:
            rows = session.exec(
                select(CheckIn)
                .where(
                    CheckIn.goal_id == goal_id,
                    col(CheckIn.withdrawn_at).is_(None),
                    col(CheckIn.happened_on) >= date(year, 1, 1),
                    col(CheckIn.happened_on) <= date(year, 12, 31),
                )
                .order_by(col(CheckIn.happened_on).desc(), col(CheckIn.id).desc())
                .limit(limit)
            ).all()
            return _stored_all(session, rows)

    def first_reported(self, district: str) -> datetime | None:
        """When the district's first check-in was stored (any, withdrawn too); None before it has one."""
        with self.db.read() as session:
            return session.exec(
                select(func.min(CheckIn.created_at))
                .join(District, col(District.id) == col(CheckIn.district_id))
                .where(District.name == district)
            ).one()

    def standing_count(self, goal_id: int, *, year: int) -> int:
        """How many standing check-ins of the year the goal has (those `latest` picks from)."""
        with self.db.read() as session:
            return int(
                session.exec(
                    select(func.count())
                    .select_from(CheckIn)
                    .where(
                        CheckIn.goal_id == goal_id,
                        col(CheckIn.withdrawn_at).is_(None),
                        col(CheckIn.happened_on) >= date(year, 1, 1),
                        col(CheckIn.happened_on) <= date(year, 12, 31),
                    )
                ).one()
            )

    # --- branches and who reports -----------------------------------------------------------------

    def branches(self, district: str) -> list[BranchInfo]:
        """The district's branches by name, with their chairs."""
        with self.db.rows() as connection:
            return _branches(connection, district)

    def chair_of(self, person: PersonInfo, district: str) -> list[BranchInfo]:
        """The branches this person chairs in the district."""
        return list(self.reporter(person, district).chairs)

    # --- responsibility for goals -----------------------------------------------------------------

    def name_responsible(self, goal_id: int, person: PersonInfo, *, now: datetime) -> bool:
        try:
            with self.db.write() as session:
                person_id = remember_person(session, person, now)
                exists = session.exec(
                    select(GoalResponsible).where(
                        GoalResponsible.goal_id == goal_id, GoalResponsible.person_id == person_id
                    )
                ).first()
                if exists is not None:
                    return False
                session.add(GoalResponsible(goal_id=goal_id, person_id=person_id, assigned_at=now))
            return True
        except IntegrityError:
            return False

    def unname_responsible(self, goal_id: int, person: PersonInfo) -> bool:
        with self.db.write() as session:
            found = find_person(session, person)
            if found is None:
                return False
            row = session.exec(
                select(GoalResponsible).where(
                    GoalResponsible.goal_id == goal_id, GoalResponsible.person_id == found.id
                )
            ).first()
            if row is None:
                return False
            session.delete(row)
            return True

    def responsible(self, district: str) -> dict[int, list[tuple[int, str]]]:
        """Goal id -> the people named responsible for it (id, name)."""
        with self.db.read() as session:
            rows = session.exec(
                select(GoalResponsible.goal_id, Person.id, Person.name)
                .join(Person, col(Person.id) == col(GoalResponsible.person_id))
                .join(Goal, col(Goal.id) == col(GoalResponsible.goal_id))
                .join(District, col(District.id) == col(Goal.district_id))
                .where(District.name == district)
                .order_by(col(Person.name))
            ).all()
        result: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for goal_id, person_id, name in rows:
            result[goal_id].append((person_id or 0, name))
        return dict(result)

    def members(self, district: str) -> list[Member]:
        """Everyone with a role in the district, by name (as PeopleRepository.members)."""
        return PeopleRepository(self.db).members(district)

    def goals_of(self, person: PersonInfo, district: str) -> list[int]:
        """The ids of the goals this person is responsible for."""
        return sorted(self.reporter(person, district).responsible)

    # --- reminders, once per person and period ----------------------------------------------------

    def mark_reminded(self, district: str, kind: str, period: str, person_id: int, *, now: datetime) -> bool:
        """Record that a reminder goes out; False if it already went (so it is sent once)."""
        try:
            with self.db.write() as session:
                district_row = _district(session, district)
                exists = session.exec(
                    select(ReminderSent).where(
                        ReminderSent.district_id == district_row.id,
                        ReminderSent.kind == kind,
                        ReminderSent.period == period,
                        ReminderSent.person_id == person_id,
                    )
                ).first()
                if exists is not None:
                    return False
                session.add(
                    ReminderSent(
                        district_id=district_row.id or 0,
                        kind=kind,
                        period=period,
                        person_id=person_id,
                        sent_at=now,
                    )
                )
            return True
        except IntegrityError:
            return False

    def unmark_reminded(self, kind: str, period: str, person_id: int, *, district: str | None = None) -> int:
        """Take back the person's reminder of the period (in `district`, or in every district): it was
        refused, or they asked to be reminded again later. How many there were."""
        with self.db.write() as session:
            query = select(ReminderSent).where(
                ReminderSent.kind == kind, ReminderSent.period == period, ReminderSent.person_id == person_id
            )
            if district is not None:
                query = query.where(ReminderSent.district_id == _district(session, district).id)
            rows = session.exec(query).all()
            for row in rows:
                session.delete(row)
            return len(rows)

    def reminded_at(self, district: str, kind: str, period: str) -> dict[int, datetime]:
        """Who has had this kind of reminder for the period, and when it went."""
        with self.db.read() as session:
            rows = session.exec(
                select(ReminderSent)
                .join(District, col(District.id) == col(ReminderSent.district_id))
                .where(District.name == district, ReminderSent.kind == kind, ReminderSent.period == period)
            ).all()
            return {row.person_id: row.sent_at for row in rows}

    def escalation(self, district: str) -> int | None:
        """Days after its reminder that a branch not reported is named to the board; None: never."""
        with self.db.read() as session:
            row = session.exec(
                select(ReminderPolicy)
                .join(District, col(District.id) == col(ReminderPolicy.district_id))
                .where(District.name == district)
            ).first()
            return row.escalate_after_days if row else None

    def set_escalation(self, district: str, days: int | None, *, now: datetime) -> None:
        with self.db.write() as session:
            district_id = _district(session, district).id or 0
            row = session.exec(
                select(ReminderPolicy).where(ReminderPolicy.district_id == district_id)
            ).first()
            if row is None:
                row = ReminderPolicy(district_id=district_id, updated_at=now)
                session.add(row)
            row.escalate_after_days, row.updated_at = days, now

    def reminded(self, district: str, kind: str, period: str) -> set[int]:
        """Who has had this kind of reminder for the period already (nothing is claimed by asking)."""
        with self.db.read() as session:
            return set(
                session.exec(
                    select(ReminderSent.person_id)
                    .join(District, col(District.id) == col(ReminderSent.district_id))
                    .where(
                        District.name == district,
                        ReminderSent.kind == kind,
                        ReminderSent.period == period,
                    )
                ).all()
            )

    def districts_with_plan(self) -> list[str]:
        """The districts whose plan has goals, by name."""
        with self.db.read() as session:
            return list(
                session.exec(
                    select(District.name)
                    .join(Goal, col(Goal.district_id) == col(District.id))
                    .where(col(Goal.number).is_not(None))
                    .distinct()
                    .order_by(col(District.name))
                ).all()
            )


def _branches(connection: Connection, district: str) -> list[BranchInfo]:
    """The district's branches by name, with their chairs."""
    found: dict[int, tuple[str, datetime | None, list[int]]] = {}
    for branch_id, name, added, chair in connection.execute(_BRANCHES, {"district": district}):
        _, _, chairs = found.setdefault(branch_id or 0, (name, added, []))
        if chair is not None:
            chairs.append(chair)
    return [BranchInfo(id, name, tuple(sorted(chairs)), added) for id, (name, added, chairs) in found.items()]


def _refuse_repeat(session: Session, submission: str | None) -> None:
    """AlreadyStored if a check-in with this submission token is stored."""
    if submission is not None:
        found = session.exec(select(CheckIn.id).where(CheckIn.submission == submission)).first()
        if found is not None:
            raise AlreadyStored(found)


_DISTRICT_ID = sa_select(col(District.id)).where(col(District.name) == bindparam("district"))
_RESPONSIBLE = (
    sa_select(col(GoalResponsible.goal_id))
    .join(Goal, col(Goal.id) == col(GoalResponsible.goal_id))
    .where(
        col(GoalResponsible.person_id) == bindparam("person"),
        col(Goal.district_id) == bindparam("district"),
    )
)
# Each branch once per chair (once if it has none). A deputy (ersättare) reports for it as its chair does.
_BRANCHES = (
    sa_select(col(Branch.id), col(Branch.name), col(Branch.created_at), col(Role.person_id))
    .join(District, col(District.id) == col(Branch.district_id))
    .join(
        Role,
        and_(col(Role.branch_id) == col(Branch.id), col(Role.kind).in_(("chair", "deputy"))),
        isouter=True,
    )
    .where(col(District.name) == bindparam("district"))
    .order_by(col(Branch.name), col(Branch.id))
)


def _district(session: Session, name: str) -> District:
    row = session.exec(select(District).where(District.name == name)).first()
    if row is None:
        raise LookupError(name)
    return row


def _revision(row: CheckIn, action: str, changer: int, now: datetime) -> CheckInRevision:
    return CheckInRevision(
        checkin_id=row.id or 0,
        changed_by=changer,
        changed_at=now,
        action=action,
        value=row.value,
        happened_on=row.happened_on,
        comment=row.comment,
    )


def _standing(district: str, goal_id: int, branch_id: int | None) -> SelectOfScalar[CheckIn]:
    """The district's check-ins on a goal for the branch (None: the district) that still count."""
    return (
        select(CheckIn)
        .join(District, col(District.id) == col(CheckIn.district_id))
        .where(
            District.name == district,
            CheckIn.goal_id == goal_id,
            CheckIn.branch_id == branch_id,
            col(CheckIn.withdrawn_at).is_(None),
        )
    )


def _stored(session: Session, row: CheckIn) -> StoredCheckIn:
    return _stored_all(session, [row])[0]


def _stored_all(session: Session, rows: Sequence[CheckIn]) -> list[StoredCheckIn]:
    """The check-ins as the bot shows them: their goals' numbers, branches and reporters in one read (of
    the rows as this transaction changed them)."""
    session.flush()
    ids = [row.id for row in rows]
    named = {row[0]: row[1:] for row in session.connection().execute(_NAMES, {"ids": ids})} if ids else {}
    return [
        StoredCheckIn(
            id=row.id or 0,
            goal_id=row.goal_id,
            goal_number=named[row.id][0] if row.id in named else None,
            branch=named[row.id][1] if row.id in named else None,
            reporter=named[row.id][2] if row.id in named else None,
            value=row.value,
            happened_on=row.happened_on,
            area=row.area,
            comment=row.comment,
            created_at=row.created_at,
            withdrawn=row.withdrawn_at is not None,
            reporter_id=row.reporter_id,
        )
        for row in rows
    ]


_NAMES = (
    sa_select(col(CheckIn.id), col(Goal.number), col(Branch.name), col(Person.name))
    .join(Goal, col(Goal.id) == col(CheckIn.goal_id), isouter=True)
    .join(Branch, col(Branch.id) == col(CheckIn.branch_id), isouter=True)
    .join(Person, col(Person.id) == col(CheckIn.reporter_id), isouter=True)
    .where(col(CheckIn.id).in_(bindparam("ids", expanding=True)))
)
