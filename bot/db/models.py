"""Tables. Every change to them goes through an Alembic migration in `bot/db/migrations/versions/`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from bot.db.engine import UTCDateTime
from bot.services.checkins import SUBMISSION_LENGTH

DISTRICT_NAME_LENGTH = 200
# A check-in that counts: not withdrawn (the condition of the partial indexes on check-ins).
SUBMITTED = "submission IS NOT NULL"


def _ref(target: str, *, ondelete: str, nullable: bool = False) -> Any:
    """A foreign key to `target` ("table.id")."""
    column = Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable)
    return Field(default=None, sa_column=column) if nullable else Field(sa_column=column)


def _utc(nullable: bool = False) -> Any:
    return Field(sa_column=Column(UTCDateTime(), nullable=nullable))


class District(SQLModel, table=True):
    """A party district (distrikt): one Team, one plan, its board and branches."""

    __tablename__ = "district"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=DISTRICT_NAME_LENGTH)
    plan_title: str | None = None
    plan_year: int | None = None
    priority_areas: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # The plan is the bot's sample (first run), shown as an example until the district's own is imported.
    example: bool = False
    created_at: datetime = _utc()
    updated_at: datetime = _utc()


class Section(SQLModel, table=True):
    """A heading of the plan (avsnitt) that goals sit under."""

    __tablename__ = "section"
    __table_args__ = (UniqueConstraint("district_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = _ref("district.id", ondelete="CASCADE")
    position: int
    title: str
    title_en: str | None = None


class Goal(SQLModel, table=True):
    """One goal of the plan (mål), numbered 1..N in the plan's order.

    A goal dropped from a re-imported plan is retired (number cleared), never deleted, so everything
    linked to it stays linked.
    """

    __tablename__ = "goal"
    __table_args__ = (
        UniqueConstraint("district_id", "number"),
        Index("ix_goal_section", "section_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = _ref("district.id", ondelete="CASCADE")
    section_id: int | None = _ref("section.id", ondelete="SET NULL", nullable=True)
    number: int | None = None
    text: str
    text_en: str | None = None
    target: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    applies_to_branches: bool = False
    responsible_in_plan: str | None = Field(default=None, max_length=200)  # "Ansvarig: Kassören" in the plan
    created_at: datetime = _utc()
    updated_at: datetime = _utc()
    retired_at: datetime | None = _utc(nullable=True)


class GoalCorrection(SQLModel, table=True):
    """A correction the board made in chat to a goal as the plan was read (issue 18), with who made it and
    when. Made again when the plan is imported again and the goal still matches; `read_as` is the goal's
    text as the plan had it, so an edited plan still finds the corrected goal."""

    __tablename__ = "goal_correction"
    __table_args__ = (Index("ix_goal_correction_goal", "goal_id"),)

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = _ref("district.id", ondelete="CASCADE")
    goal_id: int | None = _ref("goal.id", ondelete="CASCADE", nullable=True)  # None: the plan's areas
    field: str = Field(max_length=20)  # bot/services/plan_corrections.py Field
    value: str = Field(default="", max_length=2000)
    read_as: str = Field(default="", max_length=2000)
    # The goal just before this correction (plan_corrections.goal_state); "" for areas, additions and rows
    # kept before it was recorded.
    was: str = Field(default="", max_length=4000)
    made_by: int | None = _ref("person.id", ondelete="SET NULL", nullable=True)  # None: the command line
    made_at: datetime = _utc()


class Person(SQLModel, table=True):
    """Someone the bot has met in Teams. Only what the job needs: ids to reach them and a display name."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    aad_object_id: str | None = Field(default=None, unique=True, max_length=64)
    teams_user_id: str | None = Field(default=None, unique=True, max_length=300)
    name: str = Field(default="", max_length=200)
    created_at: datetime = _utc()
    last_seen_at: datetime = _utc()


class PersonLanguage(SQLModel, table=True):
    """The language to write to a person in: the one they chose (`språk svenska`), and the latest Teams
    locale they wrote with. Goes with the person (glöm mig)."""

    __tablename__ = "person_language"

    person_id: int = Field(
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    )
    language: str | None = Field(default=None, max_length=5)  # chosen: sv | en; None: not chosen
    locale: str | None = Field(default=None, max_length=20)  # e.g. "en-US"
    updated_at: datetime = _utc()


class Conversation(SQLModel, table=True):
    """Where the bot can post proactively: a personal chat, a group chat or a team channel.

    `reference` is the Bot Framework ConversationReference as JSON, stored when the bot is installed and
    refreshed on every message.
    """

    __tablename__ = "conversation"

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(unique=True, max_length=500)
    kind: str = Field(max_length=20)  # personal | groupChat | channel
    tenant_id: str | None = Field(default=None, max_length=64)
    team_id: str | None = Field(default=None, max_length=300, index=True)
    channel_id: str | None = Field(default=None, max_length=300)
    district_id: int | None = _ref("district.id", ondelete="SET NULL", nullable=True)
    person_id: int | None = _ref("person.id", ondelete="CASCADE", nullable=True)
    reference: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    active: bool = True
    created_at: datetime = _utc()
    updated_at: datetime = _utc()


class Team(SQLModel, table=True):
    """A Microsoft Teams team the bot is installed in, and the district it belongs to.

    One deployment serves many districts: each district's Team is linked to it (by an administrator, in
    chat or with the CLI; automatically when the deployment has a single district). A team that is not
    linked gets no district's data.
    """

    __tablename__ = "team"

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(unique=True, max_length=300)  # Teams' id, e.g. 19:...@thread.tacv2
    name: str = Field(default="", max_length=200)
    district_id: int | None = _ref("district.id", ondelete="SET NULL", nullable=True)
    linked_at: datetime | None = _utc(nullable=True)
    created_at: datetime = _utc()
    updated_at: datetime = _utc()


class Membership(SQLModel, table=True):
    """That a person belongs to a district: seen writing in its Team, or chosen by an administrator.

    A personal chat carries no team, so this is how the bot knows whose data a member may see there.
    `chosen_at` marks the district someone picked (`distrikt NAMN`) when they belong to several.
    """

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("person_id", "district_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = _ref("person.id", ondelete="CASCADE")
    district_id: int = _ref("district.id", ondelete="CASCADE")
    seen_at: datetime = _utc()
    chosen_at: datetime | None = _utc(nullable=True)


class Branch(SQLModel, table=True):
    """A branch of the district (partiförening), led by its chair (ordförande)."""

    __tablename__ = "branch"
    __table_args__ = (UniqueConstraint("district_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = _ref("district.id", ondelete="CASCADE")
    name: str = Field(max_length=200)
    created_at: datetime = _utc()


class Role(SQLModel, table=True):
    """A person's role in a district: board member (styrelse) or chair of a branch (ordförande).

    Admins are not stored: they are named in configuration by their Teams (AAD) object id.
    """

    __tablename__ = "role"
    __table_args__ = (UniqueConstraint("person_id", "district_id", "kind", "branch_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = _ref("person.id", ondelete="CASCADE")
    district_id: int = _ref("district.id", ondelete="CASCADE")
    kind: str = Field(max_length=20)  # board | chair
    branch_id: int | None = _ref("branch.id", ondelete="CASCADE", nullable=True)
    granted_at: datetime = _utc()


class PromptSchedule(SQLModel, table=True):
    """When discussion prompts are posted in a channel: a rule such as "1 och 15 kl 18"."""

    __tablename__ = "prompt_schedule"

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = _ref("district.id", ondelete="CASCADE")
    conversation_id: int = _ref("conversation.id", ondelete="CASCADE")
    rule: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    rule_text: str = Field(max_length=200)
    timezone: str = Field(max_length=64)
    reminder_days: int = 3
    approval_required: bool = False
    active: bool = True
    created_by: int | None = _ref("person.id", ondelete="SET NULL", nullable=True)
    created_at: datetime = _utc()
    updated_at: datetime = _utc()


class SchedulePause(SQLModel, table=True):
    """A period without prompts (summer, an election campaign), both days included, in local dates."""

    __tablename__ = "schedule_pause"

    id: int | None = Field(default=None, primary_key=True)
    schedule_id: int = _ref("prompt_schedule.id", ondelete="CASCADE")
    starts_on: date
    ends_on: date
    created_at: datetime = _utc()


class Occurrence(SQLModel, table=True):
    """One time a prompt is due, its owner in the rota, and the text they wrote for it."""

    __tablename__ = "occurrence"
    __table_args__ = (
        UniqueConstraint("schedule_id", "due_at"),
        Index("ix_occurrence_due", "status", "due_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    schedule_id: int = _ref("prompt_schedule.id", ondelete="CASCADE")
    due_at: datetime = _utc()
    owner_id: int | None = _ref("person.id", ondelete="SET NULL", nullable=True)
    # planned | skipped | paused | posted | missed | uncertain | failed
    status: str = Field(default="planned", max_length=20)
    text: str | None = None
    text_by: int | None = _ref("person.id", ondelete="SET NULL", nullable=True)
    text_at: datetime | None = _utc(nullable=True)
    approved_by: int | None = _ref("person.id", ondelete="SET NULL", nullable=True)
    reminded_at: datetime | None = _utc(nullable=True)
    # Its owner was told it is now theirs (a turn dealt anew): a later deal that takes it away tells them.
    told_at: datetime | None = _utc(nullable=True)
    # The board gave or swapped this turn by hand (ge/byt): a schedule change does not deal it again.
    by_hand: bool = False
    # Who gave this turn away (ge/byt, "jag tar Adeles tur"): a later deal does not hand it back to them.
    # A person's id, no foreign key: SQLite cannot add one to a table in place (`glöm mig` clears it).
    given_by: int | None = None
    created_at: datetime = _utc()
    updated_at: datetime = _utc()


class BankPromptRow(SQLModel, table=True):
    """A prompt in the district's bank, posted when nobody wrote one for an occurrence."""

    __tablename__ = "bank_prompt"
    __table_args__ = (UniqueConstraint("district_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = _ref("district.id", ondelete="CASCADE")
    key: str | None = Field(default=None, max_length=100)  # the seed's key; None for prompts added in chat
    area: str | None = Field(default=None, max_length=50)
    day: str | None = Field(default=None, max_length=5)  # MM-DD of a yearly day, e.g. "03-08"
    text: str
    text_en: str | None = None
    active: bool = True
    created_by: int | None = _ref("person.id", ondelete="SET NULL", nullable=True)
    created_at: datetime = _utc()
    last_used_at: datetime | None = _utc(nullable=True)


class PromptPost(SQLModel, table=True):
    """The record that an occurrence was posted: its unique row is the claim that makes posting happen once.

    A process inserts it before sending (whoever inserts first owns the post) and fills in the Teams
    message id after. A claim without a message id after a crash means "may be missing", never "send again".
    """

    __tablename__ = "prompt_post"

    id: int | None = Field(default=None, primary_key=True)
    occurrence_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("occurrence.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )
    claimed_at: datetime = _utc()
    claimed_by: str = Field(max_length=100)  # host:pid:start-up id of the process that claimed it
    # The claimer's lease, renewed while it sends: a claim still sending past it is a dead process's.
    held_until: datetime | None = _utc(nullable=True)
    source: str = Field(max_length=10)  # owner | bank
    bank_prompt_id: int | None = _ref("bank_prompt.id", ondelete="SET NULL", nullable=True)
    text: str
    # sending | sent | uncertain | failed | gone
    outcome: str = Field(default="sending", max_length=20)
    sent_at: datetime | None = _utc(nullable=True)
    message_id: str | None = Field(default=None, max_length=300)
    thread_id: str | None = Field(default=None, max_length=500)
    detail: str | None = Field(default=None, max_length=500)
    # Engagement (bot/services/engagement.py): counts only. `salt` makes the repliers' hashes of this post
    # unlinkable to any other post's; the hashes go once the post is past its counting window.
    reactions: int = 0
    replies: int = 0
    repliers: int = 0
    salt: str | None = Field(default=None, max_length=32)


class PostReplier(SQLModel, table=True):
    """That someone replied in a post's thread, as a salted hash of their Teams id: enough to count people
    once, not to tell who they are. Deleted when the post's counting window ends (or they are forgotten)."""

    __tablename__ = "post_replier"
    __table_args__ = (UniqueConstraint("post_id", "hash"),)

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = _ref("prompt_post.id", ondelete="CASCADE")
    hash: str = Field(max_length=64)


class CountedActivity(SQLModel, table=True):
    """That a Teams activity (a reaction, a reply) was counted on a post: Teams redelivers an activity it
    thinks timed out, to any process, and the key makes the second delivery count nothing. Kept as long as
    the post is counting (bot/services/engagement.py COUNTING_DAYS)."""

    __tablename__ = "counted_activity"
    __table_args__ = (UniqueConstraint("post_id", "activity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = _ref("prompt_post.id", ondelete="CASCADE")
    activity_id: str = Field(max_length=300)


class CheckIn(SQLModel, table=True):
    """A report of progress on a goal (avstämning), for a branch or for the whole district.

    A correction edits the row and keeps what it was in CheckInRevision; withdrawing marks it, never
    deletes it, so the board's figures can always be explained.
    """

    __tablename__ = "checkin"
    __table_args__ = (
        Index("ix_checkin_goal_day", "goal_id", "happened_on"),
        Index("ix_checkin_district_day", "district_id", "happened_on"),
        Index("ix_checkin_district_created", "district_id", "created_at"),  # its first report (progress)
        Index("ix_checkin_reporter", "reporter_id", "created_at"),
        # A check-in form or message sent twice stores one check-in (CheckInRepository, AlreadyStored).
        Index(
            "ux_checkin_submission",
            "submission",
            unique=True,
            sqlite_where=text(SUBMITTED),
            postgresql_where=text(SUBMITTED),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = _ref("district.id", ondelete="CASCADE")
    goal_id: int = _ref("goal.id", ondelete="CASCADE")
    branch_id: int | None = _ref("branch.id", ondelete="SET NULL", nullable=True)  # None: the district
    # The branch it was reported for, once a merge moved it to `branch_id` (that branch is gone): reports
    # two branches made of one joint event stay two tellers of it (bot/services/progress.py `_days`).
    first_branch_id: int | None = None
    reporter_id: int | None = _ref("person.id", ondelete="SET NULL", nullable=True)
    value: float
    happened_on: date
    area: str | None = Field(default=None, max_length=100)  # per-area goals: which priority area
    comment: str | None = Field(default=None, max_length=500)
    created_at: datetime = _utc()
    updated_at: datetime = _utc()
    withdrawn_at: datetime | None = _utc(nullable=True)
    # The check-in form's own token (bot/cards/checkin_form.py); None for one typed in chat.
    submission: str | None = Field(default=None, max_length=SUBMISSION_LENGTH)


class CheckInRevision(SQLModel, table=True):
    """What a check-in was before someone corrected or withdrew it, who did, and when."""

    __tablename__ = "checkin_revision"

    id: int | None = Field(default=None, primary_key=True)
    checkin_id: int = _ref("checkin.id", ondelete="CASCADE")
    changed_by: int | None = _ref("person.id", ondelete="SET NULL", nullable=True)
    changed_at: datetime = _utc()
    action: str = Field(max_length=10)  # edit | withdraw
    value: float
    happened_on: date
    comment: str | None = Field(default=None, max_length=500)


class GoalResponsible(SQLModel, table=True):
    """Someone the board named responsible for a goal; they report on it for the district."""

    __tablename__ = "goal_responsible"
    __table_args__ = (UniqueConstraint("goal_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = _ref("goal.id", ondelete="CASCADE")
    person_id: int = _ref("person.id", ondelete="CASCADE")
    assigned_at: datetime = _utc()


class ReminderSent(SQLModel, table=True):
    """That a reminder or digest for a period went out: its unique row makes it go out once."""

    __tablename__ = "reminder_sent"
    __table_args__ = (UniqueConstraint("district_id", "kind", "period", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = _ref("district.id", ondelete="CASCADE")
    kind: str = Field(max_length=20)  # report | digest
    period: str = Field(max_length=20)  # e.g. "2027-Q2"
    person_id: int = _ref("person.id", ondelete="CASCADE")
    sent_at: datetime = _utc()


class DialogStateRow(SQLModel, table=True):
    """Where a conversation is in a multi-turn dialog (the check-in asked one question at a time): its step,
    the answers so far and the question to repeat, as JSON (dialogs/host.py), kept between messages so that
    a restart or another server process carries on with it. Deleted when the dialog ends; one left
    unanswered for DIALOG_HOURS is forgotten (bot/db/dialogs.py)."""

    __tablename__ = "dialog_state"

    key: str = Field(primary_key=True, max_length=600)  # the SDK's: "{channel}/conversations/{id}"
    state: str = Field(sa_column=Column(Text, nullable=False))
    version: int  # what the SDK calls its e_tag: a write that read an older one is refused
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))


class ChannelReading(SQLModel, table=True):
    """That a team granted the bot resource-specific consent to read its channels (ChannelMessage.Read.Group):
    known when the first channel message that did not @mention the bot arrived. Replies are counted then."""

    __tablename__ = "channel_reading"

    id: int | None = Field(default=None, primary_key=True)
    team_id: str = Field(unique=True, max_length=300)  # Teams' id of the team
    since: datetime = _utc()


class QuietPeriod(SQLModel, table=True):
    """No reminders to this person before `until`, a local date (`påminn mig inte före 15/8`)."""

    __tablename__ = "quiet_period"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="CASCADE"), nullable=False, unique=True)
    )
    until: date
    set_at: datetime = _utc()


class ReminderPolicy(SQLModel, table=True):
    """The board's choice for its district: a branch that has not reported `escalate_after_days` after its
    reminder is named in the board's digest (none: reminders alone, as by default)."""

    __tablename__ = "reminder_policy"

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = Field(
        sa_column=Column(Integer, ForeignKey("district.id", ondelete="CASCADE"), nullable=False, unique=True)
    )
    escalate_after_days: int | None = None
    updated_at: datetime = _utc()


class FollowUpMade(SQLModel, table=True):
    """That the board took a follow-up (`uppföljning`): the next one covers what happened since."""

    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_district", "district_id", "made_at"),)

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = _ref("district.id", ondelete="CASCADE")
    made_at: datetime = _utc()
