"""Personal data: what is stored about someone, forgetting them, and retention (all SQL for it lives here).

The rules are in bot/services/privacy.py; this module only reads and changes rows. Forgetting someone is one
write transaction (BEGIN IMMEDIATE on SQLite, the advisory write lock on PostgreSQL: bot/db/engine.py),
so a crash leaves either everything or nothing of it done.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, or_, update
from sqlalchemy.sql.dml import Delete, Update
from sqlmodel import Session, col, select

from bot.db.dialogs import dialog_key
from bot.db.engine import Database
from bot.db.models import (
    BankPromptRow,
    Branch,
    CheckIn,
    CheckInRevision,
    Conversation,
    DialogStateRow,
    District,
    Goal,
    GoalCorrection,
    GoalResponsible,
    Membership,
    Occurrence,
    Person,
    PersonLanguage,
    PostReplier,
    PromptPost,
    PromptSchedule,
    QuietPeriod,
    ReminderSent,
    Role,
)
from bot.db.people import find_person
from bot.services.engagement import replier_hash
from bot.services.people import PersonInfo
from bot.services.privacy import (
    BankPromptRecord,
    CheckInRecord,
    ConversationRecord,
    DataSubject,
    ForgetResult,
    GoalRecord,
    MembershipRecord,
    PersonalData,
    PersonRecord,
    ReminderRecord,
    RetentionCutoff,
    RetentionResult,
    RevisionRecord,
    RoleRecord,
    ScheduleRecord,
    SlotRecord,
    reference_names,
    stamp,
    without_user,
)


class PrivacyRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- access ---------------------------------------------------------------------------------

    def collect(self, person: PersonInfo) -> PersonalData | None:
        """Everything stored about whoever this is, or None if the bot does not know them (asking stores
        nothing)."""
        with self.db.read() as session:
            row = find_person(session, person)
            return _collect(session, row) if row is not None else None

    def collect_for(self, subject: DataSubject) -> PersonalData | None:
        """The data a download link is for; None if that person is gone (forgotten), or their id now
        belongs to someone who was created later."""
        with self.db.read() as session:
            row = session.get(Person, subject.person_id)
            if row is None or stamp(row.created_at) != subject.since:
                return None
            return _collect(session, row)

    # --- erasure ----------------------------------------------------------------------------------

    def forget(self, person: PersonInfo) -> ForgetResult | None:
        """Erase this person, in one write transaction; None if the bot does not know them.

        Deleted: the person row, their roles, goal responsibilities, reminder records, their personal
        chats' references and any check-in being asked for there (dialog state), and texts they wrote
        for prompt slots that were never posted. Set to NULL: check-ins' reporter, revisions'
        changed_by, slots' owner / text_by / approved_by, schedules' and bank prompts' created_by.
        Scrubbed: group chat and channel references that hold them as the last writer lose their
        `user`. Check-ins themselves, their values, dates, comments, branch and withdrawal, and posted
        prompt texts, stay as they are.
        """
        with self.db.write() as session:
            rows = _everyone_matching(session, person)
            if not rows:
                return None
            ids = [row.id for row in rows if row.id is not None]
            scrubbed = 0
            for conversation in session.exec(
                select(Conversation).where(Conversation.kind != "personal")
            ).all():
                if any(_names(conversation.reference, row) for row in rows):
                    conversation.reference = without_user(conversation.reference)
                    scrubbed += 1
            # A check-in they were being asked for one question at a time (in a personal chat).
            personal = session.exec(select(Conversation).where(col(Conversation.person_id).in_(ids))).all()
            keys = [dialog_key(chat.reference.get("channelId"), chat.conversation_id) for chat in personal]
            session.execute(delete(DialogStateRow).where(col(DialogStateRow.key).in_(keys)))
            posted = exists().where(col(PromptPost.occurrence_id) == col(Occurrence.id))
            session.execute(update(Occurrence).where(col(Occurrence.given_by).in_(ids)).values(given_by=None))
            result = ForgetResult(
                districts=_run(session, delete(Membership).where(col(Membership.person_id).in_(ids))),
                roles=_run(session, delete(Role).where(col(Role.person_id).in_(ids))),
                goals=_run(session, delete(GoalResponsible).where(col(GoalResponsible.person_id).in_(ids))),
                reminders=_run(session, delete(ReminderSent).where(col(ReminderSent.person_id).in_(ids))),
                quiet=_run(session, delete(QuietPeriod).where(col(QuietPeriod.person_id).in_(ids))),
                conversations=_run(session, delete(Conversation).where(col(Conversation.person_id).in_(ids))),
                languages=_run(session, delete(PersonLanguage).where(col(PersonLanguage.person_id).in_(ids))),
                references_scrubbed=scrubbed,
                # Texts never published are theirs alone: deleted (with any approval of them).
                texts_deleted=_run(
                    session,
                    update(Occurrence)
                    .where(col(Occurrence.text_by).in_(ids), ~posted)
                    .values(text=None, text_by=None, text_at=None, approved_by=None),
                ),
                # Posted texts are the channel's history: kept, without their name.
                texts_kept=_run(
                    session, update(Occurrence).where(col(Occurrence.text_by).in_(ids)).values(text_by=None)
                ),
                slots_unowned=_run(
                    session, update(Occurrence).where(col(Occurrence.owner_id).in_(ids)).values(owner_id=None)
                ),
                approvals=_run(
                    session,
                    update(Occurrence).where(col(Occurrence.approved_by).in_(ids)).values(approved_by=None),
                ),
                checkins=_run(
                    session, update(CheckIn).where(col(CheckIn.reporter_id).in_(ids)).values(reporter_id=None)
                ),
                revisions=_run(
                    session,
                    update(CheckInRevision)
                    .where(col(CheckInRevision.changed_by).in_(ids))
                    .values(changed_by=None),
                ),
                schedules=_run(
                    session,
                    update(PromptSchedule)
                    .where(col(PromptSchedule.created_by).in_(ids))
                    .values(created_by=None),
                ),
                bank_prompts=_run(
                    session,
                    update(BankPromptRow)
                    .where(col(BankPromptRow.created_by).in_(ids))
                    .values(created_by=None),
                ),
            )
            replied = _replies(session, rows)
            if replied:
                _run(session, delete(PostReplier).where(col(PostReplier.id).in_(replied)))
            # Corrections to the plan stay, without who made them; plans they were reviewing go.
            _run(
                session,
                update(GoalCorrection).where(col(GoalCorrection.made_by).in_(ids)).values(made_by=None),
            )
            for row in rows:
                if row.teams_user_id:
                    reviews = col(DialogStateRow.key).like(f"plan-review/%/{row.teams_user_id}")
                    session.execute(delete(DialogStateRow).where(reviews))
            _run(session, delete(Person).where(col(Person.id).in_(ids)))
            return replace(result, replies_counted=len(replied))

    # --- retention --------------------------------------------------------------------------------

    def apply_retention(self, limit: RetentionCutoff) -> list[RetentionResult]:
        """Apply a retention cutoff district by district (one write transaction each), then to
        conversations linked to no district. Returns what changed, for every district."""
        with self.db.read() as session:
            districts: list[tuple[int | None, str | None]] = [
                (row.id, row.name) for row in session.exec(select(District).order_by(col(District.id)))
            ]
        results = []
        for district_id, name in [*districts, (None, None)]:
            with self.db.write() as session:
                results.append(_retain(session, district_id, name, limit))
        return results


def _run(session: Session, statement: Update | Delete) -> int:
    """Run a bulk UPDATE or DELETE; how many rows it touched."""
    result = session.execute(statement.execution_options(synchronize_session=False))
    return int(getattr(result, "rowcount", 0) or 0)


def _everyone_matching(session: Session, person: PersonInfo) -> list[Person]:
    """Every row that is this person by either Teams id (normally one)."""
    conditions: list[ColumnElement[bool]] = []
    if person.aad_object_id:
        conditions.append(col(Person.aad_object_id) == person.aad_object_id)
    if person.teams_user_id:
        conditions.append(col(Person.teams_user_id) == person.teams_user_id)
    if not conditions:
        return []
    return list(session.exec(select(Person).where(or_(*conditions))).all())


def _replies(session: Session, people: list[Person]) -> list[int]:
    """The repliers' hashes that are these people's (each post salts them differently)."""
    ids = [person.teams_user_id for person in people if person.teams_user_id]
    return [
        replier.id or 0
        for replier, salt in session.exec(
            select(PostReplier, PromptPost.salt).join(
                PromptPost, col(PromptPost.id) == col(PostReplier.post_id)
            )
        ).all()
        if salt and any(replier_hash(salt, user) == replier.hash for user in ids)
    ]


def _names(reference: dict[str, Any], person: Person) -> bool:
    return reference_names(reference, teams_user_id=person.teams_user_id, aad_object_id=person.aad_object_id)


def _retain(
    session: Session, district_id: int | None, name: str | None, limit: RetentionCutoff
) -> RetentionResult:
    in_district = (
        col(Conversation.district_id) == district_id
        if district_id is not None
        else col(Conversation.district_id).is_(None)
    )
    stale = (in_district, col(Conversation.updated_at) < limit.conversations_before)
    # A channel with a prompt schedule keeps its reference (deleting it would delete the schedule and its
    # posted history with it); only the name of whoever wrote there last goes.
    scheduled = exists().where(col(PromptSchedule.conversation_id) == col(Conversation.id))
    deleted = _run(session, delete(Conversation).where(*stale, ~scheduled))
    scrubbed = 0
    for row in session.exec(select(Conversation).where(*stale, scheduled)).all():
        if "user" in row.reference:
            row.reference = without_user(row.reference)
            scrubbed += 1
    checkins = revisions = memberships = 0
    if district_id is not None:
        memberships = _run(
            session,
            delete(Membership).where(
                col(Membership.district_id) == district_id,
                col(Membership.seen_at) < limit.conversations_before,
                or_(
                    col(Membership.chosen_at).is_(None),
                    col(Membership.chosen_at) < limit.conversations_before,
                ),
            ),
        )
        expired = (
            col(CheckIn.district_id) == district_id,
            col(CheckIn.happened_on) <= limit.checkins_through,
        )
        revisions = _run(
            session,
            update(CheckInRevision)
            .where(
                col(CheckInRevision.changed_by).is_not(None),
                col(CheckInRevision.checkin_id).in_(select(CheckIn.id).where(*expired)),
            )
            .values(changed_by=None),
        )
        checkins = _run(
            session,
            update(CheckIn).where(*expired, col(CheckIn.reporter_id).is_not(None)).values(reporter_id=None),
        )
    return RetentionResult(name, deleted, scrubbed, memberships, checkins, revisions)


def _collect(session: Session, person: Person) -> PersonalData:
    person_id = person.id
    language = session.get(PersonLanguage, person_id)
    roles = tuple(
        RoleRecord(district.name, role.kind, branch.name if branch else None, role.granted_at)
        for role, district, branch in session.exec(
            select(Role, District, Branch)
            .join(District, col(District.id) == col(Role.district_id))
            .join(Branch, col(Branch.id) == col(Role.branch_id), isouter=True)
            .where(Role.person_id == person_id)
            .order_by(col(District.name), col(Role.kind), col(Role.id))
        ).all()
    )
    goals = tuple(
        GoalRecord(district.name, goal.number, goal.text, named.assigned_at)
        for named, goal, district in session.exec(
            select(GoalResponsible, Goal, District)
            .join(Goal, col(Goal.id) == col(GoalResponsible.goal_id))
            .join(District, col(District.id) == col(Goal.district_id))
            .where(GoalResponsible.person_id == person_id)
            .order_by(col(District.name), col(Goal.number))
        ).all()
    )
    checkins = tuple(
        CheckInRecord(
            id=row.id or 0,
            district=district.name,
            goal_number=goal.number,
            goal_text=goal.text,
            branch=branch.name if branch else None,
            value=row.value,
            happened_on=row.happened_on,
            area=row.area,
            comment=row.comment,
            created_at=row.created_at,
            updated_at=row.updated_at,
            withdrawn_at=row.withdrawn_at,
        )
        for row, goal, district, branch in session.exec(
            select(CheckIn, Goal, District, Branch)
            .join(Goal, col(Goal.id) == col(CheckIn.goal_id))
            .join(District, col(District.id) == col(CheckIn.district_id))
            .join(Branch, col(Branch.id) == col(CheckIn.branch_id), isouter=True)
            .where(CheckIn.reporter_id == person_id)
            .order_by(col(CheckIn.created_at).desc(), col(CheckIn.id).desc())
        ).all()
    )
    revisions = tuple(
        RevisionRecord(row.checkin_id, row.action, row.changed_at, row.value, row.happened_on, row.comment)
        for row in session.exec(
            select(CheckInRevision)
            .where(CheckInRevision.changed_by == person_id)
            .order_by(col(CheckInRevision.changed_at), col(CheckInRevision.id))
        ).all()
    )
    slot_rows = session.exec(
        select(Occurrence, District)
        .join(PromptSchedule, col(PromptSchedule.id) == col(Occurrence.schedule_id))
        .join(District, col(District.id) == col(PromptSchedule.district_id))
        .where(
            or_(
                col(Occurrence.owner_id) == person_id,
                col(Occurrence.text_by) == person_id,
                col(Occurrence.approved_by) == person_id,
            )
        )
        .order_by(col(Occurrence.due_at), col(Occurrence.id))
    ).all()
    posted = set(
        session.exec(
            select(PromptPost.occurrence_id).where(
                col(PromptPost.occurrence_id).in_([slot.id for slot, _ in slot_rows])
            )
        ).all()
    )
    slots = tuple(
        SlotRecord(
            id=slot.id or 0,
            district=district.name,
            due_at=slot.due_at,
            status=slot.status,
            owner=slot.owner_id == person_id,
            wrote_text=slot.text_by == person_id,
            approved=slot.approved_by == person_id,
            posted=slot.id in posted,
            text=slot.text if slot.text_by == person_id else None,
            text_at=slot.text_at if slot.text_by == person_id else None,
        )
        for slot, district in slot_rows
    )
    schedules = tuple(
        ScheduleRecord(row.id or 0, district.name, row.rule_text, row.active, row.created_at)
        for row, district in session.exec(
            select(PromptSchedule, District)
            .join(District, col(District.id) == col(PromptSchedule.district_id))
            .where(PromptSchedule.created_by == person_id)
            .order_by(col(PromptSchedule.id))
        ).all()
    )
    bank_prompts = tuple(
        BankPromptRecord(row.id or 0, district.name, row.text, row.active, row.created_at)
        for row, district in session.exec(
            select(BankPromptRow, District)
            .join(District, col(District.id) == col(BankPromptRow.district_id))
            .where(BankPromptRow.created_by == person_id)
            .order_by(col(BankPromptRow.id))
        ).all()
    )
    conversations = tuple(
        ConversationRecord(
            conversation_id=row.conversation_id,
            kind=row.kind,
            district=district.name if district else None,
            active=row.active,
            created_at=row.created_at,
            updated_at=row.updated_at,
            reference=row.reference,
        )
        for row, district in session.exec(
            select(Conversation, District)
            .join(District, col(District.id) == col(Conversation.district_id), isouter=True)
            .where(or_(col(Conversation.person_id) == person_id, col(Conversation.kind) != "personal"))
            .order_by(col(Conversation.id))
        ).all()
        if row.person_id == person_id or (row.kind != "personal" and _names(row.reference, person))
    )
    reminders = tuple(
        ReminderRecord(district.name, row.kind, row.period, row.sent_at)
        for row, district in session.exec(
            select(ReminderSent, District)
            .join(District, col(District.id) == col(ReminderSent.district_id))
            .where(ReminderSent.person_id == person_id)
            .order_by(col(ReminderSent.sent_at), col(ReminderSent.id))
        ).all()
    )
    districts = tuple(
        MembershipRecord(district.name, row.seen_at, row.chosen_at)
        for row, district in session.exec(
            select(Membership, District)
            .join(District, col(District.id) == col(Membership.district_id))
            .where(Membership.person_id == person_id)
            .order_by(col(District.name))
        ).all()
    )
    quiet = session.exec(select(QuietPeriod).where(QuietPeriod.person_id == person_id)).first()
    return PersonalData(
        districts=districts,
        person=PersonRecord(
            id=person_id or 0,
            name=person.name,
            teams_user_id=person.teams_user_id,
            aad_object_id=person.aad_object_id,
            created_at=person.created_at,
            last_seen_at=person.last_seen_at,
            language=language.language if language else None,
            locale=language.locale if language else None,
        ),
        roles=roles,
        goals=goals,
        checkins=checkins,
        revisions=revisions,
        slots=slots,
        schedules=schedules,
        bank_prompts=bank_prompts,
        conversations=conversations,
        reminders=reminders,
        replies_counted=len(_replies(session, [person])),
        quiet_until=quiet.until if quiet else None,
    )
