"""Check-ins, goal responsibility and period reminders (all SQL for them lives here)."""

from __future__ import annotations

import functools
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    case,
    exists,
    func,
    insert,
    null,
    union_all,
    update,
)
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, select

from bot.db.engine import MISSING, UNTRACKED, Database, Prepared, ReadCache
from bot.db.models import (
    Branch,
    CheckIn,
    CheckInRevision,
    District,
    Goal,
    GoalResponsible,
    Person,
    ReminderSent,
    Role,
    Section,
)
from bot.db.people import ROLES_TTL_SECONDS, KnownPerson, find_known, find_person, person_key, remember_person
from bot.services.export import ExportQuery, ExportRow
from bot.services.people import PersonInfo
from bot.services.plan import Period, Target, TargetKind
from bot.services.progress import Report, period_bounds


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


class AlreadyStored(Exception):
    """A check-in form sent again: the check-in it stored the first time."""

    def __init__(self, checkin_id: int) -> None:
        super().__init__(checkin_id)
        self.checkin_id = checkin_id


@dataclass(frozen=True)
class BranchInfo:
    id: int
    name: str
    chair_ids: tuple[int, ...]


@dataclass(frozen=True)
class Reporter:
    """Whoever sends a check-in, as deciding which branch it counts for and storing it need them."""

    district_id: int | None  # None: there is no such district
    person: KnownPerson | None  # None: the bot has not met them
    chairs: tuple[BranchInfo, ...] = ()  # the district's branches they chair, by name
    responsible: frozenset[int] = frozenset()  # the goals (ids) of the district they are responsible for


@dataclass(frozen=True)
class _New:
    """A check-in to store (CheckInRepository.add)."""

    district: str
    goal_id: int
    branch_id: int | None
    reporter: PersonInfo
    value: float
    happened_on: date
    area: str | None
    comment: str | None
    now: datetime
    submission: str | None  # the check-in form's token, if it came from one

    def row(self, district_id: int, reporter_id: int | None) -> dict[str, Any]:
        return {
            "district_id": district_id,
            "goal_id": self.goal_id,
            "branch_id": self.branch_id,
            "reporter_id": reporter_id,
            "value": self.value,
            "happened_on": self.happened_on,
            "area": self.area,
            "comment": self.comment,
            "created_at": self.now,
            "updated_at": self.now,
            "submission": self.submission,
        }


# What the branches, with their chairs, are read from (CheckInRepository.branches).
BRANCH_TABLES = frozenset({"district", "branch", "role"})
# What a Reporter is read from.
REPORTER_TABLES = BRANCH_TABLES | {"person", "goal", "goal_responsible"}
# What progress and the cards showing it (a goal in full, status) are read from: kept until one of these
# changes (bot/commands/checkins.py, `standings` and `kept`). A check-in changes `checkin`.
PROGRESS_TABLES = REPORTER_TABLES | {"section", "checkin"}


class CheckInRepository:
    def __init__(self, db: Database, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.db = db
        # Who may report for which branch is read on every check-in and changes seldom: kept, until a
        # change through this Database to what it is read from, or ROLES_TTL_SECONDS (another process's).
        self._reporters = ReadCache(
            db, seconds=ROLES_TTL_SECONDS, monotonic=monotonic, size=10_000, tables=REPORTER_TABLES
        )
        self._branches = ReadCache(
            db, seconds=ROLES_TTL_SECONDS, monotonic=monotonic, size=1_000, tables=BRANCH_TABLES
        )
        # The statements of every check-in, straight on the driver (Prepared): most of its cost otherwise.
        self._seen = Prepared(db, _SEEN)
        # SQLite tells the new row's id without RETURNING (which would cost a second step, see write_now).
        self._insert = Prepared(db, _INSERT if db.is_sqlite else _INSERT.returning(col(CheckIn.id)))
        self._goal_numbers = ReadCache(
            db, seconds=ROLES_TTL_SECONDS, monotonic=monotonic, size=1_000, tables={"goal"}
        )
        # What the reply to a check-in names, read in its transaction when it is not kept (Prepared, so
        # also in write_now's, where SQLAlchemy's execute cannot run).
        self._numbers_query = Prepared(db, _GOAL_NUMBERS)
        self._branches_query = Prepared(db, _BRANCHES)
        self._chairs_query = Prepared(db, _CHAIRS)
        self._submitted = Prepared(db, _SUBMITTED)

    @property
    def stores_now(self) -> bool:
        """Whether `add_soon` can store a check-in at all (a SQLite file: Database.write_now)."""
        return self.db.writes_now

    def reporter(self, person: PersonInfo, district: str) -> Reporter:
        """Who `person` is in the district: the branches they chair and the goals they are responsible
        for (read once, then kept as the branches are)."""
        return self._reporters.get(
            person_key(person) + (district,), lambda: self._read_reporter(person, district)
        )

    def kept_reporter(self, person: PersonInfo, district: str) -> Reporter | None:
        """`reporter` if it is kept, else None: reads nothing (for the event loop)."""
        kept = self._reporters.peek(person_key(person) + (district,))
        return None if kept is MISSING else cast(Reporter, kept)

    def _read_reporter(self, person: PersonInfo, district: str) -> Reporter:
        branches = self.branches(district)
        with self.db.engine.connect() as connection:
            district_id = connection.execute(_DISTRICT_ID, {"district": district}).scalar()
            known = find_known(connection, person)
            if district_id is None or known is None:
                return Reporter(district_id, known)
            responsible = connection.execute(_RESPONSIBLE, {"person": known.id, "district": district_id})
            goals = frozenset(responsible.scalars())
        return Reporter(district_id, known, tuple(b for b in branches if known.id in b.chair_ids), goals)

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
        """Store a check-in; it is committed when this returns (and only then may the user be told).
        AlreadyStored if a check-in with this `submission` (a form's token) is stored.

        Someone the bot knows, unchanged (the usual case), costs one short transaction of two statements:
        when they were last seen, and the check-in."""
        new = _New(district, goal_id, branch_id, reporter, value, happened_on, area, comment, now, submission)
        found = self.reporter(reporter, district)
        if found.district_id is None:
            raise LookupError(district)
        district_id = found.district_id
        if found.person is not None and found.person.unchanged(reporter):
            with self.db.write_connection() as connection:
                names = self._names(connection, new, district_id)
                if names is None:  # not the district's goal or branch: as _stored would show them
                    number, branch = connection.execute(
                        _NAMES, {"goal": new.goal_id, "branch": new.branch_id}
                    ).one()
                    names = (number, branch)
                stored = self._store(connection, new, found, names)
            if stored is not None:
                return stored
            # They were forgotten meanwhile (by another process): remembered again below, as anyone new.
        with self.db.write() as session:
            self._refuse_repeat(session.connection(), new)
            district_row = _district(session, district)
            checkin = CheckIn(**new.row(district_row.id or 0, None))
            checkin.reporter_id = remember_person(session, reporter, now)
            session.add(checkin)
            session.flush()
            stored = _stored(session, checkin)
        return stored

    async def add_soon(
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
        known: Reporter | None = None,
    ) -> StoredCheckIn | None:
        """`add` on the event loop, in one transaction with the other check-ins that come in the same pass
        of it (Database.write_soon); or None if that would mean waiting or reading more than the
        check-in's transaction does (then `add` it in a worker thread): who the reporter is is not kept
        (or given as `known`, the district's `reporter`), someone is writing, or the database is not a
        SQLite file. Committed when it returns. A form sent again is None too (`add` tells AlreadyStored)."""
        found = known or self._reporters.peek(person_key(reporter) + (district,))
        if found is MISSING or found.district_id is None or found.person is None:
            return None
        if not found.person.unchanged(reporter):
            return None
        new = _New(district, goal_id, branch_id, reporter, value, happened_on, area, comment, now, submission)
        return await self.db.write_soon(functools.partial(self._store_known, new, found))

    async def writers_done(self) -> None:
        """Until no other thread of this process is writing, on the event loop (Database.writers_done)."""
        await self.db.writers_done()

    def _names(
        self, connection: Connection, new: _New, district_id: int
    ) -> tuple[int | None, str | None] | None:
        """The goal's number and the branch's name, for the reply: as kept, or read in the connection's
        transaction. None if either is not the district's (the commands never store such a check-in)."""
        numbers = self._goal_numbers.get(
            district_id, lambda: self._read_goal_numbers(connection, district_id)
        )
        branches = self._branches.get(new.district, lambda: self._branches_in(connection, new.district))
        if new.goal_id not in numbers:
            return None
        if new.branch_id is None:
            return numbers[new.goal_id], None
        branch = next((b.name for b in branches if b.id == new.branch_id), None)
        return None if branch is None else (numbers[new.goal_id], branch)

    def _refuse_repeat(self, connection: Connection, new: _New) -> None:
        """AlreadyStored if the form `new` came from was stored already (writes take turns, so what this
        transaction reads is what the next one will; the unique index is there too)."""
        if new.submission is not None:
            found = self._submitted.run(connection, {"submission": new.submission}).fetchone()
            if found is not None:
                raise AlreadyStored(int(found[0]))

    def _store_known(self, new: _New, found: Reporter, connection: Connection) -> StoredCheckIn | None:
        """`_store` with the names for the reply as kept or read in the transaction (add_soon)."""
        assert found.district_id is not None
        names = self._names(connection, new, found.district_id)
        return None if names is None else self._store(connection, new, found, names)

    def _store(
        self, connection: Connection, new: _New, found: Reporter, names: tuple[int | None, str | None]
    ) -> StoredCheckIn | None:
        """The check-in of someone known, in the connection's transaction; None if they are gone. `names`:
        the goal's number and the branch's name, for the reply."""
        assert found.person is not None and found.district_id is not None
        self._refuse_repeat(connection, new)
        # Not a change any kept answer reads (UNTRACKED): who they are and their roles stay kept.
        if self._seen.run(connection, {"person": found.person.id, "seen": new.now}).rowcount != 1:
            return None
        inserted = self._insert.run(connection, new.row(found.district_id, found.person.id))
        checkin_id = inserted.lastrowid if self.db.is_sqlite else inserted.fetchone()[0]
        number, branch = names
        return StoredCheckIn(
            id=checkin_id,
            goal_id=new.goal_id,
            goal_number=number,
            branch=branch,
            reporter=found.person.name,
            value=new.value,
            happened_on=new.happened_on,
            area=new.area,
            comment=new.comment,
            created_at=new.now,
            withdrawn=False,
        )

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
            return [_stored(session, row) for row in rows]

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

    def reporter_of(self, checkin_id: int) -> int | None:
        with self.db.read() as session:
            row = session.get(CheckIn, checkin_id)
            return row.reporter_id if row else None

    def correct(
        self,
        checkin_id: int,
        *,
        by: PersonInfo,
        value: float,
        happened_on: date,
        comment: str | None,
        now: datetime,
    ) -> StoredCheckIn:
        """Change a check-in, keeping what it was before (who changed it, when)."""
        with self.db.write() as session:
            row = session.get(CheckIn, checkin_id)
            assert row is not None
            changer = remember_person(session, by, now)
            session.add(_revision(row, "edit", changer, now))
            row.value, row.happened_on = value, happened_on
            if comment is not None:
                row.comment = comment
            row.updated_at = now
            session.flush()
            return _stored(session, row)

    def withdraw(self, checkin_id: int, *, by: PersonInfo, now: datetime) -> bool:
        with self.db.write() as session:
            row = session.get(CheckIn, checkin_id)
            if row is None or row.withdrawn_at is not None:
                return False
            changer = remember_person(session, by, now)
            session.add(_revision(row, "withdraw", changer, now))
            row.withdrawn_at = now
            row.updated_at = now
            return True

    def reports(self, district: str, *, year: int) -> dict[int, list[Report]]:
        """Every standing check-in of the year, by goal id, as the progress service reads them.

        All of them, one object each: for tests and small data. `status` and the reminders read what they
        need through `progress_reports` and `quarter_reports`, which the database computes.
        """
        with self.db.read() as session:
            # Six columns: more than sqlmodel's typed select takes, so SQLAlchemy's own.
            rows = session.execute(
                sa_select(
                    col(CheckIn.goal_id),
                    col(CheckIn.value),
                    col(CheckIn.happened_on),
                    col(CheckIn.branch_id),
                    col(CheckIn.area),
                    col(CheckIn.created_at),
                )
                .join(District, col(District.id) == col(CheckIn.district_id))
                .where(
                    col(District.name) == district,
                    col(CheckIn.withdrawn_at).is_(None),
                    col(CheckIn.happened_on) >= date(year, 1, 1),
                    col(CheckIn.happened_on) <= date(year, 12, 31),
                )
            ).all()
        by_goal: dict[int, list[Report]] = defaultdict(list)
        for goal_id, value, happened_on, branch_id, area, created_at in rows:
            by_goal[goal_id].append(Report(value, happened_on, branch_id, area, created_at))
        return dict(by_goal)

    def progress_reports(self, district: str, *, year: int, today: date) -> dict[int, list[Report]]:
        """What the progress service needs to measure each goal of the plan at `today`, by goal id.

        `progress` (bot/services/progress.py) gives the same figures from these as from every standing
        check-in of the year (`reports`), for the district and for each branch (`status BRANCH`), but the
        database does the reading: a few rows per goal and branch come back, however many are stored.
        - count: per branch and area, the sum of the counts in the goal's current period (dated its first
          day) and the sum of the rest of the year (dated outside that period). Counts are whole and not
          negative (bot/services/checkins.py refuses others), so the sums are exactly progress's.
        - done: per branch, the latest check-in of the year with a value of 1 or more.
        - metric: per branch, the first and the latest reading of the year.
        - people: none (progress counts the people named, not check-ins).
        `today` outside the year counts as its first or last day, as in progress. Check-ins (done, metric)
        come in the order they were taken (day, time stored, id), so ties between readings fall as before.
        """
        first, last = date(year, 1, 1), date(year, 12, 31)
        day = min(max(today, first), last)
        by_goal: dict[int, list[Report]] = defaultdict(list)
        with self.db.read() as session:
            district_id = session.exec(select(District.id).where(District.name == district)).first()
            if district_id is None:
                return {}
            targets = _targets(session, district_id)
            kinds: dict[TargetKind, list[int]] = defaultdict(list)
            for goal_id, target in targets.items():
                kinds[target.kind].append(goal_id)
            periods = {
                goal_id: span
                for goal_id in kinds[TargetKind.COUNT]
                if (span := _current_period(targets[goal_id].period, day, first, last)) is not None
            }
            for goal_id, branch_id, area, in_year, in_period in _count_sums(
                session, kinds[TargetKind.COUNT], periods, first, last
            ):
                by_goal[goal_id].extend(
                    _count_reports(in_year, in_period, periods.get(goal_id), first, branch_id, area)
                )
            seeks = [
                _Seek(kinds[TargetKind.DONE], first, last, newest=True, done=True),
                _Seek(kinds[TargetKind.METRIC], first, last, newest=True),
                _Seek(kinds[TargetKind.METRIC], first, last, newest=False),
            ]
            for goal_id, report in _sought(session, district_id, seeks):
                by_goal[goal_id].append(report)
        return dict(by_goal)

    def quarter_reports(self, district: str, *, starts: date, ends: date) -> dict[int, list[Report]]:
        """Enough standing check-ins to tell, per goal and branch, whether it was reported in a quarter.

        What the end-of-quarter reminders ask (schedules/reporting.py, find_gaps): per goal of the plan and
        branch (or the district, no branch), the latest check-in that happened from `starts` to `ends`, and
        for a done/not-done goal the latest of that year with a value of 1 or more. Found by the database,
        a few rows per goal and branch, however many are stored.
        """
        first, last = date(starts.year, 1, 1), date(starts.year, 12, 31)
        by_goal: dict[int, list[Report]] = defaultdict(list)
        with self.db.read() as session:
            district_id = session.exec(select(District.id).where(District.name == district)).first()
            if district_id is None:
                return {}
            targets = _targets(session, district_id)
            done = [goal_id for goal_id, target in targets.items() if target.kind is TargetKind.DONE]
            seeks = [
                _Seek(list(targets), starts, ends, newest=True),
                _Seek(done, first, last, newest=True, done=True),
            ]
            for goal_id, report in _sought(session, district_id, seeks):
                by_goal[goal_id].append(report)
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
            )
            for row in rows
        ]

    def latest(self, goal_id: int, *, limit: int = 3) -> list[StoredCheckIn]:
        with self.db.read() as session:
            rows = session.exec(
                select(CheckIn)
                .where(CheckIn.goal_id == goal_id, col(CheckIn.withdrawn_at).is_(None))
                .order_by(col(CheckIn.happened_on).desc(), col(CheckIn.id).desc())
                .limit(limit)
            ).all()
            return [_stored(session, row) for row in rows]

    # --- branches and who reports -----------------------------------------------------------------

    def branches(self, district: str) -> list[BranchInfo]:
        """The district's branches by name, with their chairs (read once, then kept: see __init__)."""
        return list(self._branches.get(district, lambda: self._read_branches(district)))

    def kept_branches(self, district: str) -> list[BranchInfo] | None:
        """`branches` if they are kept, else None: reads nothing (for the event loop)."""
        kept = self._branches.peek(district)
        return None if kept is MISSING else list(kept)

    def _read_branches(self, district: str) -> tuple[BranchInfo, ...]:
        with self.db.engine.connect() as connection:
            return self._branches_in(connection, district)

    def _branches_in(self, connection: Connection, district: str) -> tuple[BranchInfo, ...]:
        """The district's branches by name, with their chairs."""
        rows = self._branches_query.run(connection, {"district": district}).fetchall()
        chairs: dict[int, list[int]] = defaultdict(list)
        for branch_id, person_id in self._chairs_query.run(connection, {"district": district}).fetchall():
            chairs[branch_id or 0].append(person_id)
        return tuple(BranchInfo(id or 0, name, tuple(sorted(chairs.get(id or 0, [])))) for id, name in rows)

    def _read_goal_numbers(self, connection: Connection, district_id: int) -> Mapping[int, int | None]:
        """The district's goals' numbers, by goal id (None: retired)."""
        rows = self._numbers_query.run(connection, {"district": district_id}).fetchall()
        return MappingProxyType({goal_id or 0: number for goal_id, number in rows})

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


# --- progress computed by the database (progress_reports, quarter_reports) ---------------------------------


@dataclass(frozen=True)
class _Seek:
    """Per goal and branch (and for the district, no branch): one standing check-in from `first` to `last`.

    The latest (`newest`) or the first, by day, time stored and id; with `done`, only one valued 1 or more.
    Each is one step down ix_checkin_standing, not a read of the goal's check-ins.
    """

    goal_ids: list[int]
    first: date
    last: date
    newest: bool
    done: bool = False


def _targets(session: Session, district_id: int) -> dict[int, Target]:
    """The targets of the district's goals in its plan (retired goals have no number), by goal id."""
    rows = session.execute(
        sa_select(col(Goal.id), col(Goal.target)).where(
            col(Goal.district_id) == district_id, col(Goal.number).is_not(None)
        )
    ).all()
    return {goal_id: Target.from_dict(target) for goal_id, target in rows}


def _current_period(period: Period | None, day: date, first: date, last: date) -> tuple[date, date] | None:
    """The goal's period holding `day`, within the year; None for a yearly count (the year is the period)."""
    if period is None or period is Period.YEAR:
        return None
    starts, ends = period_bounds(period, day)
    return max(starts, first), min(ends, last)


def _count_sums(
    session: Session,
    goal_ids: Collection[int],
    periods: dict[int, tuple[date, date]],
    first: date,
    last: date,
) -> list[Any]:
    """Per count goal, branch and area: the sum of the values in the year, and in the goal's period.

    One pass over ix_checkin_totals in its order, so nothing is sorted. The year is a condition inside the
    sums, not in WHERE: there it would tempt SQLite (which has no statistics) to read by (goal, day) from
    ix_checkin_goal_day and sort every row to group them, ten times slower.
    """
    if not goal_ids:
        return []
    value, on, goal = col(CheckIn.value), col(CheckIn.happened_on), col(CheckIn.goal_id)
    in_year = func.sum(case((on.between(first, last), value)))
    spans: dict[tuple[date, date], list[int]] = defaultdict(list)
    for goal_id, span in periods.items():
        spans[span].append(goal_id)
    in_period: ColumnElement[Any] = null()
    if spans:
        in_period = func.sum(
            case(
                *(
                    (
                        and_(goal == ids[0] if len(ids) == 1 else goal.in_(ids), on.between(starts, ends)),
                        value,
                    )
                    for (starts, ends), ids in spans.items()
                )
            )
        )
    statement = (
        sa_select(goal, col(CheckIn.branch_id), col(CheckIn.area), in_year, in_period)
        .where(goal.in_(list(goal_ids)), col(CheckIn.withdrawn_at).is_(None))
        .group_by(goal, col(CheckIn.branch_id), col(CheckIn.area))
    )
    return list(session.execute(statement).all())


def _count_reports(
    in_year: float | None,
    in_period: float | None,
    period: tuple[date, date] | None,
    first: date,
    branch_id: int | None,
    area: str | None,
) -> list[Report]:
    """A count goal's sums for one branch and area, as reports dated where progress looks for them."""
    if in_year is None:
        return []
    if period is None:
        return [Report(float(in_year), first, branch_id, area)]
    starts, ends = period
    reports = []
    if in_period:
        reports.append(Report(float(in_period), starts, branch_id, area))
    rest = in_year - (in_period or 0)
    if rest:
        # A period is shorter than the year: a day of the year outside it is before it or after it.
        outside = first if starts > first else ends + timedelta(days=1)
        reports.append(Report(float(rest), outside, branch_id, area))
    return reports


def _sought(session: Session, district_id: int, seeks: Iterable[_Seek]) -> list[tuple[int, Report]]:
    """The check-ins the seeks find (each once), as (goal id, report), in the order they were taken."""
    wanted = [seek for seek in seeks if seek.goal_ids]
    if not wanted:
        return []
    params: dict[str, Any] = {"district_id": district_id}
    for n, seek in enumerate(wanted):
        params |= {f"goals_{n}": seek.goal_ids, f"first_{n}": seek.first, f"last_{n}": seek.last}
    statement = _seek_statement(tuple((seek.newest, seek.done) for seek in wanted))
    return [
        (goal_id, Report(value, happened_on, branch_id, area, created_at))
        for goal_id, value, happened_on, branch_id, area, created_at in session.execute(statement, params)
    ]


@functools.cache
def _seek_statement(shapes: tuple[tuple[bool, bool], ...]) -> Select[Any]:
    """The query for seeks of these shapes (newest, done), their goals and days bound as goals_N, first_N and
    last_N (N in order), the district as district_id.

    Built once per shape and kept: building it costs more than running it. For each seek, one select over
    the district's (goal, branch) pairs and one over its goals alone (the district's own check-ins), each
    row picking its check-in with a correlated subquery that stops at the first index entry.
    """
    tables = SQLModel.metadata.tables
    goals, branches, checkins = tables["goal"], tables["branch"], tables["checkin"]
    selects = []
    for n, (newest, done) in enumerate(shapes):
        ours = and_(
            goals.c.id.in_(bindparam(f"goals_{n}", expanding=True)),
            goals.c.district_id == bindparam("district_id"),
        )
        with_branch = (
            sa_select(goals.c.id.label("goal_id"), branches.c.id.label("branch_id"))
            .join(branches, branches.c.district_id == goals.c.district_id)
            .where(ours)
            .subquery()
        )
        without = sa_select(goals.c.id.label("goal_id")).where(ours).subquery()
        for pairs, branch in ((with_branch, with_branch.c.branch_id), (without, None)):
            row = checkins.alias()
            # All the index's columns: goal and branch are fixed here, but PostgreSQL sees that only for
            # "=", and with `branch_id IS NULL` would otherwise read by (goal, day) and sort.
            keys = (row.c.goal_id, row.c.branch_id, row.c.happened_on, row.c.created_at, row.c.id)
            one = (
                sa_select(row.c.id)
                .where(
                    row.c.goal_id == pairs.c.goal_id,
                    row.c.branch_id.is_(None) if branch is None else row.c.branch_id == branch,
                    row.c.withdrawn_at.is_(None),
                    row.c.happened_on.between(bindparam(f"first_{n}"), bindparam(f"last_{n}")),
                    *((row.c.value >= 1,) if done else ()),
                )
                .order_by(*(key.desc() if newest else key.asc() for key in keys))
                .limit(1)
                .scalar_subquery()
            )
            selects.append(sa_select(one.label("id")).select_from(pairs))
    c = checkins.c
    return (
        sa_select(c.goal_id, c.value, c.happened_on, c.branch_id, c.area, c.created_at)
        .where(c.id.in_(union_all(*selects)))
        .order_by(c.happened_on, c.created_at, c.id)
    )


# The statements every check-in runs, built once (building one costs more than running it).
_DISTRICT_ID = sa_select(col(District.id)).where(col(District.name) == bindparam("district"))
_RESPONSIBLE = (
    sa_select(col(GoalResponsible.goal_id))
    .join(Goal, col(Goal.id) == col(GoalResponsible.goal_id))
    .where(
        col(GoalResponsible.person_id) == bindparam("person"),
        col(Goal.district_id) == bindparam("district"),
    )
)
_BRANCHES = (
    sa_select(col(Branch.id), col(Branch.name))
    .join(District, col(District.id) == col(Branch.district_id))
    .where(col(District.name) == bindparam("district"))
    .order_by(col(Branch.name))
)
_CHAIRS = (
    sa_select(col(Role.branch_id), col(Role.person_id))
    .join(Branch, col(Branch.id) == col(Role.branch_id))
    .join(District, col(District.id) == col(Branch.district_id))
    .where(col(Role.kind) == "chair", col(District.name) == bindparam("district"))
)
_CHECKIN_COLUMNS = (
    "district_id",
    "goal_id",
    "branch_id",
    "reporter_id",
    "value",
    "happened_on",
    "area",
    "comment",
    "created_at",
    "updated_at",
    "submission",
)
_SEEN = (
    update(Person)
    .where(col(Person.id) == bindparam("person"))
    .values(last_seen_at=bindparam("seen"))
    .execution_options(**{UNTRACKED: True})
)
_INSERT = insert(CheckIn).values({column: bindparam(column) for column in _CHECKIN_COLUMNS})
_SUBMITTED = sa_select(col(CheckIn.id)).where(col(CheckIn.submission) == bindparam("submission"))
_GOAL_NUMBERS = sa_select(col(Goal.id), col(Goal.number)).where(
    col(Goal.district_id) == bindparam("district")
)
_NAMES = sa_select(
    sa_select(col(Goal.number)).where(col(Goal.id) == bindparam("goal")).scalar_subquery(),
    sa_select(col(Branch.name)).where(col(Branch.id) == bindparam("branch")).scalar_subquery(),
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


def _stored(session: Session, row: CheckIn) -> StoredCheckIn:
    goal = session.get(Goal, row.goal_id)
    branch = session.get(Branch, row.branch_id) if row.branch_id else None
    reporter = session.get(Person, row.reporter_id) if row.reporter_id else None
    return StoredCheckIn(
        id=row.id or 0,
        goal_id=row.goal_id,
        goal_number=goal.number if goal else None,
        branch=branch.name if branch else None,
        reporter=reporter.name if reporter else None,
        value=row.value,
        happened_on=row.happened_on,
        area=row.area,
        comment=row.comment,
        created_at=row.created_at,
        withdrawn=row.withdrawn_at is not None,
    )
