"""What the board's follow-up, the year's report and the dashboard read besides progress: the check-ins
themselves with who reported them, the prompts posted, and when the last follow-up was taken (all SQL for
them lives here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from bot.db.engagement import EngagementRepository, engagement_of
from bot.db.engine import Database
from bot.db.models import (
    BankPromptRow,
    Branch,
    CheckIn,
    CheckInRevision,
    District,
    FollowUpMade,
    Membership,
    Occurrence,
    Person,
    PromptPost,
    PromptSchedule,
    Role,
)
from bot.services.engagement import Engagement


@dataclass(frozen=True)
class ReportRow:
    """One standing check-in as the board's documents show it."""

    goal_id: int
    branch_id: int | None
    branch: str | None  # None: for the whole district
    value: float
    happened_on: date
    area: str | None
    comment: str | None
    stored_at: datetime
    reporter: str | None  # None: forgotten, or nobody recorded
    reporter_belongs: bool  # the reporter is still a member of the district (or holds a role in it)
    first_branch_id: int | None = None  # the branch it was made for, when a merge has since moved it


@dataclass(frozen=True)
class ChangedReport:
    """A check-in stored before a moment and corrected or withdrawn after it: what it was then and now."""

    checkin_id: int
    goal_id: int
    branch: str | None  # None: for the whole district
    was: tuple[float, date]  # value and day at the moment
    now: tuple[float, date]
    withdrawn: bool


@dataclass(frozen=True)
class PostedPrompt:
    """A discussion prompt the bot posted."""

    slot_id: int  # its number, as `historik` shows it
    due_at: datetime
    sent_at: datetime
    source: str  # owner | bank
    area: str | None  # the bank prompt's priority area
    day: str | None  # the bank prompt's yearly day ("03-08")
    text: str
    engagement: Engagement


class FollowUpRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def last(self, district: str, *, before: datetime) -> datetime | None:
        """When the district's board last took a follow-up before `before`."""
        with self.db.read() as session:
            return session.exec(
                select(FollowUpMade.made_at)
                .join(District, col(District.id) == col(FollowUpMade.district_id))
                .where(District.name == district, col(FollowUpMade.made_at) < before)
                .order_by(col(FollowUpMade.made_at).desc())
                .limit(1)
            ).first()

    def reads_replies(self, district: str) -> bool:
        """Whether replies to the district's posts are counted (bot/db/engagement.py, as `historik` asks)."""
        return EngagementRepository(self.db).reads_channels(district)

    def record(self, district: str, *, now: datetime) -> None:
        with self.db.write() as session:
            district_id = session.exec(select(District.id).where(District.name == district)).first()
            if district_id is not None:
                session.add(FollowUpMade(district_id=district_id, made_at=now))

    def reports(self, district: str, *, year: int, stored_after: datetime | None = None) -> list[ReportRow]:
        """The standing check-ins that happened in `year` (stored after `stored_after`, if given), in the
        order they happened."""
        belongs = (
            exists()
            .where(col(Membership.person_id) == col(CheckIn.reporter_id))
            .where(col(Membership.district_id) == col(CheckIn.district_id))
            .correlate(CheckIn)
        )
        holds_role = (
            exists()
            .where(col(Role.person_id) == col(CheckIn.reporter_id))
            .where(col(Role.district_id) == col(CheckIn.district_id))
            .correlate(CheckIn)
        )
        statement = (
            sa_select(
                col(CheckIn.goal_id),
                col(CheckIn.branch_id),
                col(Branch.name),
                col(CheckIn.value),
                col(CheckIn.happened_on),
                col(CheckIn.area),
                col(CheckIn.comment),
                col(CheckIn.created_at),
                col(Person.name),
                (belongs | holds_role).label("belongs"),
                col(CheckIn.first_branch_id),
            )
            .join(District, col(District.id) == col(CheckIn.district_id))
            .join(Branch, col(Branch.id) == col(CheckIn.branch_id), isouter=True)
            .join(Person, col(Person.id) == col(CheckIn.reporter_id), isouter=True)
            .where(
                col(District.name) == district,
                col(CheckIn.withdrawn_at).is_(None),
                col(CheckIn.happened_on) >= date(year, 1, 1),
                col(CheckIn.happened_on) <= date(year, 12, 31),
            )
            .order_by(col(CheckIn.happened_on), col(CheckIn.id))
        )
        if stored_after is not None:
            statement = statement.where(col(CheckIn.created_at) > stored_after)
        with self.db.read() as session:
            rows = session.execute(statement).all()
        return [
            ReportRow(
                goal_id=row[0],
                branch_id=row[1],
                branch=row[2],
                value=row[3],
                happened_on=row[4],
                area=row[5],
                comment=row[6],
                stored_at=row[7],
                reporter=row[8] or None,
                reporter_belongs=bool(row[9]),
                first_branch_id=row[10],
            )
            for row in rows
        ]

    def changed(self, district: str, *, after: datetime) -> list[ChangedReport]:
        """The check-ins stored by `after` and corrected or withdrawn since, by id (a revision keeps what a
        check-in was before a change, so the first one after `after` holds what the board saw)."""
        statement = (
            sa_select(
                col(CheckIn.id),
                col(CheckIn.goal_id),
                col(Branch.name),
                col(CheckIn.value),
                col(CheckIn.happened_on),
                col(CheckIn.withdrawn_at),
                col(CheckInRevision.value),
                col(CheckInRevision.happened_on),
            )
            .join(CheckIn, col(CheckIn.id) == col(CheckInRevision.checkin_id))
            .join(District, col(District.id) == col(CheckIn.district_id))
            .join(Branch, col(Branch.id) == col(CheckIn.branch_id), isouter=True)
            .where(
                col(District.name) == district,
                col(CheckIn.created_at) <= after,
                col(CheckInRevision.changed_at) > after,
            )
            .order_by(col(CheckIn.id), col(CheckInRevision.changed_at), col(CheckInRevision.id))
        )
        with self.db.read() as session:
            rows = session.execute(statement).all()
        found: dict[int, ChangedReport] = {}
        for checkin_id, goal_id, branch, value, day, withdrawn_at, was_value, was_day in rows:
            if checkin_id in found:
                continue
            now = (value, day)
            withdrawn = withdrawn_at is not None
            if withdrawn or now != (was_value, was_day):
                found[checkin_id] = ChangedReport(
                    checkin_id, goal_id, branch, (was_value, was_day), now, withdrawn
                )
        return list(found.values())

    def posted(self, district: str, *, after: datetime, until: datetime) -> list[PostedPrompt]:
        """The prompts posted (sent) in the district between `after` and `until`, oldest first."""
        statement = (
            select(PromptPost, Occurrence, BankPromptRow)
            .join(Occurrence, col(Occurrence.id) == col(PromptPost.occurrence_id))
            .join(PromptSchedule, col(PromptSchedule.id) == col(Occurrence.schedule_id))
            .join(District, col(District.id) == col(PromptSchedule.district_id))
            .join(BankPromptRow, col(BankPromptRow.id) == col(PromptPost.bank_prompt_id), isouter=True)
            .where(
                District.name == district,
                PromptPost.outcome == "sent",
                col(PromptPost.sent_at) > after,
                col(PromptPost.sent_at) <= until,
            )
            .order_by(col(PromptPost.sent_at))
        )
        with self.db.read() as session:
            return [
                PostedPrompt(
                    slot_id=occurrence.id or 0,
                    due_at=occurrence.due_at,
                    sent_at=post.sent_at or post.claimed_at,
                    source=post.source,
                    area=bank.area if bank else None,
                    day=bank.day if bank else None,
                    text=post.text,
                    engagement=engagement_of(post),
                )
                for post, occurrence, bank in session.exec(statement).all()
            ]
