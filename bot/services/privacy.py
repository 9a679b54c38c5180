"""Personal-data rights and retention: what the bot holds about someone, forgetting them, and how long
conversation data and check-in authorship are kept. Framework-free: no SQL, no botbuilder, no aiohttp.

Why it matters: the bot serves a political party, so that someone is in its Teams at all (a member, a
board member, a branch chair) reveals a political opinion, special-category data under GDPR article 9.
The bot keeps only what its job needs (README, "Storage") and gives people their rights in chat:

- `mina data` / `my data` (access, art. 15, and portability, art. 20): a readable summary in a personal
  chat, and a link to a JSON file with everything stored about them. The link is signed like the board's
  export link (bot/services/export.py, `ExportLinks.personal_link`) and binds the person: their database
  id and the instant their row was created (`DataSubject.since`), so it can serve nobody else's data, not
  even after they are forgotten and the id is handed to someone new (SQLite reuses the highest row id).
- `glöm mig` / `forget me` (erasure, art. 17): after an explicit confirmation, one write transaction
  removes the person and everything that names them (bot/db/privacy.py, `PrivacyRepository.forget`).
  Check-ins are the branch's (or the district's) record of the plan, so they stay, without a reporter.
- Retention (art. 5(1)(e), storage limitation): a daily job drops conversation references and check-in
  authorship once the plan year they belong to ended more than RETENTION_MONTHS months ago (`cutoff`).

A plan year is a calendar year: check-ins are dated within their plan's year (bot/services/checkins.py),
so a check-in's plan year is the year of `happened_on`, and a conversation belongs to the year (in the
district's zone) in which it was last used (`Conversation.updated_at`).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any, Protocol
from zoneinfo import ZoneInfo

log = logging.getLogger(__name__)

# Local time of the daily retention job: a quiet hour, away from 02:00-03:00 (DST skips or repeats it)
# and from the other daily jobs (plan-ahead at 04:00, reminders at 09:00 and 10:00).
RETENTION_HOUR, RETENTION_MINUTE = 4, 30
DOWNLOAD_FILENAME = "mina-data.json"
# Slot statuses that are still to come (a text written for them has not been published).
UPCOMING_STATUSES = frozenset({"planned", "paused"})


# --- what the bot holds about someone (plain records; bot/db/privacy.py fills them) ----------------------


@dataclass(frozen=True)
class DataSubject:
    """Whose data a download link is for: bound into the signed token (see `ExportLinks.personal_link`).

    `since` is when their row was created, in microseconds since the epoch: a row made later with the same
    id (after they were forgotten) is someone else, and the link does not serve it.
    """

    person_id: int
    since: int
    language: str = "sv"


def stamp(moment: datetime) -> int:
    """An instant as whole microseconds since the epoch (exact, unlike a float timestamp)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    delta = aware.astimezone(UTC) - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@dataclass(frozen=True)
class PersonRecord:
    id: int
    name: str
    teams_user_id: str | None
    aad_object_id: str | None
    created_at: datetime  # first seen
    last_seen_at: datetime
    language: str | None = None  # chosen with `språk`: sv | en
    locale: str | None = None  # the latest Teams locale they wrote with


@dataclass(frozen=True)
class RoleRecord:
    district: str
    kind: str  # board | chair | deputy (Role)
    branch: str | None  # the branch a chair chairs
    granted_at: datetime


@dataclass(frozen=True)
class GoalRecord:
    """A goal they were named responsible for."""

    district: str
    goal_number: int | None  # None: dropped from a re-imported plan
    goal_text: str
    assigned_at: datetime


@dataclass(frozen=True)
class CheckInRecord:
    """A check-in they reported."""

    id: int
    district: str
    goal_number: int | None
    goal_text: str
    branch: str | None  # None: for the whole district
    value: float
    happened_on: date
    area: str | None
    comment: str | None
    created_at: datetime
    updated_at: datetime
    withdrawn_at: datetime | None


@dataclass(frozen=True)
class RevisionRecord:
    """A correction or withdrawal they made (of anyone's check-in), and what it was before."""

    checkin_id: int
    action: str  # edit | withdraw
    changed_at: datetime
    value: float
    happened_on: date
    comment: str | None


@dataclass(frozen=True)
class SlotRecord:
    """A discussion-prompt slot that names them: as its owner, the writer of its text, or its approver."""

    id: int
    district: str
    due_at: datetime
    status: str
    owner: bool
    wrote_text: bool
    approved: bool
    posted: bool  # a post record exists: it was (or may have been) published
    text: str | None  # only a text they wrote
    text_at: datetime | None


@dataclass(frozen=True)
class ScheduleRecord:
    """A prompt schedule they set up."""

    id: int
    district: str
    rule_text: str
    active: bool
    created_at: datetime


@dataclass(frozen=True)
class BankPromptRecord:
    """A prompt they added to the district's bank."""

    id: int
    district: str
    text: str
    active: bool
    created_at: datetime


@dataclass(frozen=True)
class ConversationRecord:
    """A stored conversation reference that names them: their personal chat, or a group chat or channel
    whose stored reference holds them as the last one who wrote there."""

    conversation_id: str
    kind: str  # personal | groupChat | channel
    district: str | None
    active: bool
    created_at: datetime
    updated_at: datetime
    reference: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReminderRecord:
    district: str
    kind: str  # report | digest
    period: str
    sent_at: datetime


@dataclass(frozen=True)
class MembershipRecord:
    """That they belong to a district, as the bot noted it (so their personal chat knows the district)."""

    district: str
    seen_at: datetime  # last seen writing in the district's Team
    chosen_at: datetime | None  # when they chose it for their personal chat


@dataclass(frozen=True)
class PersonalData:
    """Everything stored about one person."""

    person: PersonRecord
    districts: tuple[MembershipRecord, ...] = ()
    roles: tuple[RoleRecord, ...] = ()
    goals: tuple[GoalRecord, ...] = ()
    checkins: tuple[CheckInRecord, ...] = ()  # newest first
    revisions: tuple[RevisionRecord, ...] = ()
    slots: tuple[SlotRecord, ...] = ()
    schedules: tuple[ScheduleRecord, ...] = ()
    bank_prompts: tuple[BankPromptRecord, ...] = ()
    conversations: tuple[ConversationRecord, ...] = ()
    reminders: tuple[ReminderRecord, ...] = ()
    # Prompt threads they replied in, known only as a per-post hash of their Teams id while the post's
    # replies are counted (bot/services/engagement.py); what they wrote is never stored.
    replies_counted: int = 0
    quiet_until: date | None = None  # no reminders to them before this day (`påminn mig inte före`)

    @property
    def subject(self) -> DataSubject:
        return DataSubject(self.person.id, stamp(self.person.created_at))


@dataclass(frozen=True)
class Summary:
    """The counts the chat summary shows."""

    checkins: int
    withdrawn: int
    latest: CheckInRecord | None
    revisions: int
    slots_owned: int
    slots_upcoming: int  # owned and still to come
    texts_written: int
    approvals: int
    schedules: int
    bank_prompts: int
    conversations: dict[str, int]  # kind -> how many
    reminders: int
    replies_counted: int
    quiet_until: date | None


def summarize(data: PersonalData, *, now: datetime) -> Summary:
    owned = [slot for slot in data.slots if slot.owner]
    return Summary(
        checkins=len(data.checkins),
        withdrawn=sum(1 for c in data.checkins if c.withdrawn_at is not None),
        latest=max(data.checkins, key=lambda c: (c.created_at, c.id), default=None),
        revisions=len(data.revisions),
        slots_owned=len(owned),
        slots_upcoming=sum(1 for s in owned if s.status in UPCOMING_STATUSES and s.due_at > now),
        texts_written=sum(1 for slot in data.slots if slot.wrote_text),
        approvals=sum(1 for slot in data.slots if slot.approved),
        schedules=len(data.schedules),
        bank_prompts=len(data.bank_prompts),
        conversations=dict(
            sorted(Counter(c.kind for c in data.conversations).items(), key=lambda item: _kind_order(item[0]))
        ),
        reminders=len(data.reminders),
        replies_counted=data.replies_counted,
        quiet_until=data.quiet_until,
    )


def _kind_order(kind: str) -> tuple[int, str]:
    order = ("personal", "groupChat", "channel")
    return (order.index(kind) if kind in order else len(order), kind)


def render_json(data: PersonalData, *, now: datetime) -> bytes:
    """The download: every record, times in UTC ISO 8601, UTF-8, readable by people and programs."""
    document = {
        "format": "distriktsboten-personal-data/1",
        "generated_at": now,
        "note": (
            "Everything this bot stores about you. Check-ins are the branch's or the district's record of "
            "the plan: if you ask to be forgotten they stay, without your name."
        ),
        **asdict(data),
    }
    return (json.dumps(document, ensure_ascii=False, indent=2, default=_json_value) + "\n").encode("utf-8")


def _json_value(value: object) -> object:
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


# --- forgetting ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForgetResult:
    """What forgetting someone removed, and what it kept without their name."""

    # erased
    districts: int = 0  # which districts they belong to
    roles: int = 0
    goals: int = 0
    reminders: int = 0
    conversations: int = 0  # their personal chats' references, deleted
    languages: int = 0  # the language they chose and their Teams locale
    references_scrubbed: int = 0  # group chats and channels whose stored reference named them
    texts_deleted: int = 0  # texts they wrote for slots not posted
    slots_unowned: int = 0  # slots they owned, now without an owner
    approvals: int = 0  # approvals they gave, cleared
    # kept, anonymised
    checkins: int = 0  # reporter cleared; they stay as the branch's or the district's
    revisions: int = 0  # changed_by cleared
    texts_kept: int = 0  # texts they wrote for posted slots: kept as posted, without their name
    schedules: int = 0  # schedules they set up: created_by cleared
    bank_prompts: int = 0  # bank prompts they added: created_by cleared
    replies_counted: int = 0  # the hashes that counted them among a post's repliers; the counts stay
    quiet: int = 0  # their wish for no reminders before a day


# --- retention -------------------------------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """`day` moved `months` calendar months on, the day of month clamped to the month's length."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    last = (following - date(year, month, 1)).days
    return date(year, month, min(day.day, last))


def retention_ends(year: int, months: int) -> date:
    """The local day on which a plan year's data expires: its end (1 January after) plus `months`."""
    return add_months(date(year + 1, 1, 1), months)


@dataclass(frozen=True)
class RetentionCutoff:
    """What the retention job removes today.

    `year`: the latest plan year whose retention has ended. Check-ins that happened on or before
    `checkins_through` (31 December of that year) lose their authorship; conversation references last used
    before `conversations_before` (the instant that year ended, in the district's zone) are dropped.
    """

    year: int
    checkins_through: date
    conversations_before: datetime  # UTC


def cutoff(now: datetime, *, months: int, zone: ZoneInfo) -> RetentionCutoff:
    """The retention cutoff at `now`: a plan year expires at local midnight starting the day
    `retention_ends(year, months)`; until then everything of it is kept."""
    if months < 0:
        raise ValueError("months must not be negative")
    today = now.astimezone(zone).date()
    year = today.year
    while retention_ends(year, months) > today:
        year -= 1
    year_end = datetime.combine(date(year + 1, 1, 1), time(0), tzinfo=zone).astimezone(UTC)
    return RetentionCutoff(year=year, checkins_through=date(year, 12, 31), conversations_before=year_end)


@dataclass(frozen=True)
class RetentionResult:
    """What one district's retention run removed (district None: conversations linked to no district)."""

    district: str | None
    conversations: int = 0  # references deleted
    references_scrubbed: int = 0  # kept for a prompt schedule, but the last writer's name removed
    memberships: int = 0  # people last seen in the district's Team before the cutoff: no longer its members
    checkins: int = 0  # reporter cleared
    revisions: int = 0  # changed_by cleared

    @property
    def changed(self) -> bool:
        return any(
            (self.conversations, self.references_scrubbed, self.memberships, self.checkins, self.revisions)
        )


class RetentionStore(Protocol):
    def apply_retention(self, limit: RetentionCutoff) -> list[RetentionResult]: ...


def run_retention(
    store: RetentionStore, *, now: datetime, months: int, zone: ZoneInfo
) -> list[RetentionResult]:
    """The daily job's work: compute today's cutoff and apply it to every district."""
    limit = cutoff(now, months=months, zone=zone)
    results = store.apply_retention(limit)
    for result in results:
        if result.changed:  # counts only: the log names nobody
            log.info(
                "retention through plan year %s in %s: %s conversations deleted, %s scrubbed, "
                "%s check-ins and %s revisions anonymised",
                limit.year,
                result.district or "no district",
                result.conversations,
                result.references_scrubbed,
                result.checkins,
                result.revisions,
            )
    return results


def reference_names(
    reference: dict[str, Any], *, teams_user_id: str | None, aad_object_id: str | None
) -> bool:
    """Whether a stored conversation reference holds this person as its `user` (the last one who wrote)."""
    user = reference.get("user")
    if not isinstance(user, dict):
        return False
    ids = {user.get("id"), user.get("aadObjectId"), user.get("aad_object_id")} - {None, ""}
    return bool(ids & ({teams_user_id, aad_object_id} - {None, ""}))


def without_user(reference: dict[str, Any]) -> dict[str, Any]:
    """A reference without its `user`: posting to a group chat or channel does not need it (the notifier
    builds new threads' references the same way)."""
    return {key: value for key, value in reference.items() if key != "user"}
