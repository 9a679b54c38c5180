"""Repository: every query and change the bot makes. Returns plain records, never live ORM objects."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from bot.db.engine import Database
from bot.db.models import (
    Branch,
    Conversation,
    District,
    Goal,
    GoalCorrection,
    Membership,
    Person,
    Role,
    Section,
    Team,
)
from bot.db.people import _branch as add_branch
from bot.db.people import find_person, remember_person
from bot.i18n import fold
from bot.services import goals as domain
from bot.services.branches import find_branch
from bot.services.goals import Target
from bot.services.people import ConversationInfo, PersonInfo, channel_of
from bot.services.plan import GoalDraft, PlanDraft, SectionDraft
from bot.services.plan_corrections import (
    Correction,
    Field,
    Made,
    MadeBefore,
    apply_correction,
    area_english,
    goal_state,
    parse_areas,
    reapplied,
    target_was,
)
from bot.services.plan_sync import match_goals


@dataclass(frozen=True)
class ImportSummary:
    district: str
    created: int
    updated: int
    unchanged: int
    retired: int
    total: int
    branches: tuple[str, ...] = ()  # branches the import added to the district's list


class Repository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def ping(self) -> bool:
        """Whether the database answers (for the health check), and is still the file it opened."""
        if self.db.file_problem() is not None:
            return False
        try:
            with self.db.read() as session:
                session.exec(select(1)).one()
            return True
        except Exception:  # noqa: BLE001 - any failure means "not healthy"; the caller reports it
            return False

    # --- plan -----------------------------------------------------------------------------------

    def plan(self, district: str) -> domain.Plan | None:
        """The district's current plan: active goals in the plan's order, or None if it has no district."""
        with self.db.rows() as connection:
            row = connection.execute(_PLAN_DISTRICT, {"district": district}).first()
            if row is None:
                return None
            # A goal's row comes once per target the board changed in chat (the correction's columns last).
            read: dict[int, tuple[tuple[Any, ...], list[tuple[datetime, Target]]]] = {}
            for *goal, made_at, was in connection.execute(
                _PLAN_GOALS, {"district": row.id, "target": str(Field.TARGET)}
            ):
                _, before = read.setdefault(goal[0], (tuple(goal), []))
                earlier = target_was(was) if was is not None else None
                if earlier is not None:
                    before.append((made_at, earlier))
            goals = tuple(
                domain.Goal(
                    id=goal_id,
                    number=number,
                    section=title or "",
                    section_en=title_en,
                    text=text,
                    text_en=text_en,
                    target=Target.from_dict(target),
                    applies_to_branches=applies_to_branches,
                    responsible_in_plan=responsible_in_plan,
                    targets_before=tuple(before),
                )
                for (
                    goal_id,
                    number,
                    title,
                    title_en,
                    text,
                    text_en,
                    target,
                    applies_to_branches,
                    responsible_in_plan,
                ), before in read.values()
            )
            names = connection.execute(_AREAS_EN, {"district": row.id, "field": str(Field.AREA_ENGLISH)})
            return domain.Plan(
                district_id=row.id,
                district=row.name,
                title=row.plan_title,
                year=row.plan_year,
                goals=goals,
                priority_areas=tuple(row.priority_areas),
                example=row.example,
                areas_en=_areas_en(names.scalars()),
            )

    def any_goals(self) -> bool:
        """Whether any district has a plan with goals (on first run none has)."""
        with self.db.read() as session:
            return (
                session.exec(select(Goal.id).where(col(Goal.number).is_not(None)).limit(1)).first()
                is not None
            )

    def save_plan(
        self,
        district: str,
        draft: PlanDraft,
        *,
        now: datetime,
        example: bool = False,
        corrections: Sequence[Mapping[str, Any]] = (),
        reapply: bool = True,
        branches: Sequence[str] = (),
    ) -> ImportSummary:
        """Create or update the district's plan in one transaction.

        Goals are matched to the stored ones by text (see match_goals), so a re-import updates them in
        place; goals no longer in the plan are retired, not deleted, and keep their links. A stored goal
        the board corrected in chat is matched by the text it was read as, and its corrections are made
        again (bot/services/plan_corrections.py `reapplied`); goals the board added in chat stay.

        `corrections` are those the board made while reviewing the plan (bot/services/plan_review.py): kept
        with the goals they were made to, so that the next import of the plan makes them again.

        The first real plan replaces the sample plan (`example`): it takes over the sample's district,
        renamed, so a single-district deployment stays one district, and none of the sample's goals match;
        but not once that district is set up (roles or branches given): that is a district of its own still
        waiting for its plan, and another district's plan must not take its people and teams.

        `branches` (the plan's own list, as the board accepted it in the review) are added to the district's
        branches where no branch of that name is there yet (case, accents and small misspellings aside).
        """
        with self.db.write() as session:
            summary = self._save(session, district, draft, now=now, example=example, reapply=reapply)
            _note_review(session, district, draft, corrections)
            if branches:
                summary = replace(summary, branches=_add_branches(session, district, branches, now))
            return summary

    def corrections_of(self, goal_id: int) -> list[MadeBefore]:
        """The corrections made to a goal, oldest first. Who made one is named only while they are a member
        of the district or hold a role in it (a forgotten person's corrections have no maker)."""
        belongs = (
            select(Membership.id)
            .where(Membership.person_id == GoalCorrection.made_by)
            .where(Membership.district_id == GoalCorrection.district_id)
            .exists()
        )
        holds_role = (
            select(Role.id)
            .where(Role.person_id == GoalCorrection.made_by)
            .where(Role.district_id == GoalCorrection.district_id)
            .exists()
        )
        statement = (
            select(GoalCorrection, Person.name, belongs | holds_role)
            .join(Person, col(Person.id) == col(GoalCorrection.made_by), isouter=True)
            .where(GoalCorrection.goal_id == goal_id)
            .order_by(col(GoalCorrection.id))
        )
        with self.db.read() as session:
            return [
                MadeBefore(
                    Field(row.field),
                    row.value,
                    row.was,
                    row.read_as,
                    row.made_at,
                    name if name and nameable else None,
                )
                for row, name, nameable in session.exec(statement)
            ]

    def correct_plan(
        self, district: str, correction: Correction, *, by: PersonInfo | None, now: datetime
    ) -> domain.Plan | None:
        """The district's stored plan with the board's correction made and kept (who, when); None
        without a plan. CorrectionError says why it cannot be made."""
        with self.db.write() as session:
            row = _district(session, district)
            if row is None or row.id is None:
                return None
            before = _stored_draft(session, row)
            if not before.goals:
                return None
            after = apply_correction(before, correction)
            self._save(session, district, after, now=now, example=row.example)
            goal_id: int | None = None
            read_as = was = ""
            if correction.field is Field.ADD:
                added = {g.text for g in after.goals if g.goal_id is None}
                goal_id = session.exec(
                    select(Goal.id)
                    .where(Goal.district_id == row.id, col(Goal.text).in_(added))
                    .where(col(Goal.number).is_not(None))
                    .order_by(col(Goal.id).desc())
                ).first()
            elif correction.field not in _PLAN_FIELDS:
                corrected = before.goals[(correction.number or 1) - 1]
                goal_id = corrected.goal_id
                read_as = _read_as(session, goal_id) or corrected.text
                was = goal_state(corrected)
            session.add(
                GoalCorrection(
                    district_id=row.id,
                    goal_id=goal_id,
                    field=str(correction.field),
                    value=correction.value[:2000],
                    read_as=read_as[:2000],
                    was=was[:4000],
                    made_by=_person_id(session, by),
                    made_at=now,
                )
            )
        return self.plan(district)

    def with_corrections(self, district: str, draft: PlanDraft) -> PlanDraft:
        """A plan as it would be imported: the board's earlier corrections made again (see save_plan)."""
        with self.db.read() as session:
            row = _district(session, district)
            if row is None or row.id is None or row.example:
                return draft
            stored = _stored_goals(session, row.id)
            return _with_corrections(session, row.id, draft, stored)[0] if stored else draft

    def _save(
        self,
        session: Session,
        district: str,
        draft: PlanDraft,
        *,
        now: datetime,
        example: bool = False,
        reapply: bool = True,
    ) -> ImportSummary:
        row = _district(session, district)
        if row is None and not example:
            row = session.exec(select(District).where(col(District.example).is_(True))).first()
            if row is not None and _set_up(session, row):
                row = None  # another district's, on the sample plan until it sends its own: a new district
            if row is not None:
                row.name = district
        if row is None:
            row = District(name=district, created_at=now, updated_at=now)
            session.add(row)
        replaces_example = row.example and not example
        if not draft.priority_areas and row.id is not None and not replaces_example:
            # Areas the board named in chat stay while the plan names none.
            named = session.exec(
                select(GoalCorrection.value)
                .where(GoalCorrection.district_id == row.id, GoalCorrection.field == str(Field.AREAS))
                .order_by(col(GoalCorrection.id).desc())
            ).first()
            if named is not None:
                draft = replace(draft, priority_areas=parse_areas(named))
        row.example = example
        row.plan_title = draft.title
        row.plan_year = draft.year
        row.priority_areas = list(draft.priority_areas)
        row.updated_at = now
        session.flush()
        assert row.id is not None
        district_id = row.id

        stored = session.exec(
            select(Goal).where(Goal.district_id == district_id).order_by(col(Goal.id))
        ).all()
        # Active goals first, so a goal that comes back matches its active twin before a retired one.
        stored = sorted(stored, key=lambda goal: (goal.number is None, goal.number or 0, goal.id))
        index_of = {goal.id: index for index, goal in enumerate(stored)}
        new_texts = [goal.text for goal in draft.goals]
        if not stored or replaces_example:
            matches: list[int | None] = [None] * len(new_texts)  # a first import: nothing to match
        elif any(goal.goal_id is not None for goal in draft.goals):
            # A stored plan corrected in chat: each goal knows which stored goal it is.
            matches = [index_of.get(goal.goal_id) for goal in draft.goals]
        elif not reapply:
            # Corrections were made again already (the plan under review shows them): match as it is.
            matches = match_goals([goal.text for goal in stored], new_texts)
        else:
            draft, matches = _with_corrections(session, district_id, draft, stored)
        sections = _sync_sections(session, district_id, draft)
        # Numbers are unique per district: clear them before handing them out again.
        session.exec(update(Goal).where(col(Goal.district_id) == district_id).values(number=None))  # type: ignore[call-overload]
        session.flush()

        new_goals = [
            (section, goal) for section, s in zip(sections, draft.sections, strict=True) for goal in s.goals
        ]
        created = updated = unchanged = 0
        used: set[int] = set()
        for number, ((section, draft_goal), match) in enumerate(
            zip(new_goals, matches, strict=True), start=1
        ):
            values: dict[str, Any] = {
                "section_id": section.id,
                "number": number,
                "text": draft_goal.text,
                "text_en": draft_goal.text_en,
                "target": draft_goal.target.to_dict(),
                "applies_to_branches": draft_goal.applies_to_branches,
                "responsible_in_plan": (draft_goal.responsible or "")[:200] or None,
                "retired_at": None,
            }
            if match is None:
                session.add(Goal(district_id=district_id, created_at=now, updated_at=now, **values))
                created += 1
                continue
            goal = stored[match]
            used.add(match)
            was_active = goal.retired_at is None
            changed = any(getattr(goal, key) != value for key, value in values.items() if key != "number")
            for key, value in values.items():
                setattr(goal, key, value)
            if changed or not was_active:
                goal.updated_at = now
                updated += 1
            else:
                unchanged += 1
        retired = 0
        for index, goal in enumerate(stored):
            if index not in used and goal.retired_at is None:
                goal.retired_at = now
                goal.updated_at = now
                retired += 1
        session.flush()
        _drop_empty_sections(session, district_id)
        return ImportSummary(district, created, updated, unchanged, retired, len(new_goals))

    # --- people and conversations ---------------------------------------------------------------

    def remember_conversation(
        self, conversation: ConversationInfo, *, person: PersonInfo | None, now: datetime
    ) -> None:
        """Store or refresh where the bot can post, and who it talks to in a personal chat.

        A channel takes the district its team is linked to (bot/db/people.py links teams). A message in a
        channel's thread refreshes the channel's own address too: that is where new threads are posted, and
        Teams may have moved it (a new serviceUrl) since the bot was installed."""
        with self.db.write() as session:
            person_id = remember_person(session, person, now) if person else None
            _remember(session, conversation, person_id, now)
            channel = channel_of(conversation.conversation_id)
            if conversation.kind == "channel" and channel != conversation.conversation_id:
                reference = copy.deepcopy(conversation.reference)
                reference.setdefault("conversation", {})["id"] = channel
                reference.pop("activityId", None)
                _remember(
                    session, replace(conversation, conversation_id=channel, reference=reference), None, now
                )

    def forget_conversation(self, conversation_id: str, *, now: datetime) -> None:
        """The bot was removed: keep the row (history) but never post there again."""
        with self.db.write() as session:
            session.exec(
                update(Conversation)  # type: ignore[call-overload]
                .where(col(Conversation.conversation_id) == conversation_id)
                .values(active=False, updated_at=now)
            )

    def conversations(self, *, active_only: bool = True) -> list[ConversationInfo]:
        with self.db.read() as session:
            query = select(Conversation).order_by(col(Conversation.id))
            if active_only:
                query = query.where(col(Conversation.active).is_(True))
            return [
                ConversationInfo(
                    conversation_id=row.conversation_id,
                    kind=row.kind,
                    tenant_id=row.tenant_id,
                    team_id=row.team_id,
                    channel_id=row.channel_id,
                    reference=row.reference,
                )
                for row in session.exec(query).all()
            ]


def _district(session: Session, name: str) -> District | None:
    return session.exec(select(District).where(District.name == name)).first()


def _as_draft(goal: Goal) -> GoalDraft:
    return GoalDraft(
        goal.text,
        Target.from_dict(goal.target),
        goal.applies_to_branches,
        goal.text_en,
        goal_id=goal.id,
        responsible=goal.responsible_in_plan,
    )


def _section_title(session: Session, goal: Goal) -> str:
    section = session.get(Section, goal.section_id) if goal.section_id is not None else None
    return section.title if section is not None else ""


def _stored_draft(session: Session, district: District) -> PlanDraft:
    """The district's active goals as a plan draft, each goal knowing which stored goal it is."""
    rows = session.exec(
        select(Goal, Section)
        .join(Section, col(Goal.section_id) == col(Section.id), isouter=True)
        .where(Goal.district_id == district.id, col(Goal.number).is_not(None))
        .order_by(col(Goal.number))
    ).all()
    sections: list[SectionDraft] = []
    for goal, section in rows:
        title = section.title if section else ""
        if not sections or sections[-1].title != title:
            sections.append(SectionDraft(title, (), section.title_en if section else None))
        sections[-1] = replace(sections[-1], goals=(*sections[-1].goals, _as_draft(goal)))
    return PlanDraft(district.plan_title, district.plan_year, tuple(sections), tuple(district.priority_areas))


def _corrections(session: Session, district_id: int) -> dict[int, list[tuple[Made, str]]]:
    """The corrections made to each stored goal, oldest first, with the text the goal was read as."""
    made: dict[int, list[tuple[Made, str]]] = {}
    for row in session.exec(
        select(GoalCorrection)
        .where(GoalCorrection.district_id == district_id, col(GoalCorrection.goal_id).is_not(None))
        .order_by(col(GoalCorrection.id))
    ):
        assert row.goal_id is not None
        made.setdefault(row.goal_id, []).append((Made(Field(row.field), row.value), row.read_as))
    return made


def _with_corrections(
    session: Session, district_id: int, draft: PlanDraft, stored: Sequence[Goal]
) -> tuple[PlanDraft, list[int | None]]:
    """An imported plan with the board's earlier corrections made again, and the stored goal (an index
    into `stored`) each of its goals continues: matched by the text each stored goal was read as."""
    made = _corrections(session, district_id)
    texts = [made[goal.id][0][1] if goal.id in made else goal.text for goal in stored]
    matches = match_goals(texts, [goal.text for goal in draft.goals])
    added = [
        (_section_title(session, goal), _as_draft(goal), index)
        for index, goal in enumerate(stored)
        if goal.id in made
        and made[goal.id][0][0].field is Field.ADD
        and goal.retired_at is None
        and index not in matches
    ]
    index_of = {goal.id: index for index, goal in enumerate(stored)}
    earlier = {
        index_of[goal_id]: [m for m, _ in rows] for goal_id, rows in made.items() if goal_id in index_of
    }
    return reapplied(draft, matches, earlier, added)


def _stored_goals(session: Session, district_id: int) -> list[Goal]:
    """The district's goals, active ones first, so a goal that comes back matches its active twin before a
    retired one."""
    query = select(Goal).where(Goal.district_id == district_id).order_by(col(Goal.id))
    return sorted(
        session.exec(query).all(), key=lambda goal: (goal.number is None, goal.number or 0, goal.id)
    )


def _note_review(
    session: Session, district: str, draft: PlanDraft, corrections: Sequence[Mapping[str, Any]]
) -> None:
    """The corrections made in review, kept with the stored goals they were made to."""
    row = _district(session, district)
    if row is None or row.id is None or not corrections:
        return
    final = {(goal.read_as or goal.text): goal.text for goal in draft.goals}
    for noted in corrections:
        field = Field(str(noted["field"]))
        read_as = str(noted.get("read_as") or "")
        if field is Field.ADD:
            text: str | None = str(noted["value"]).partition(":")[2].strip() or str(noted["value"]).strip()
        else:
            text = final.get(read_as)
        goal_id = None
        if field not in _PLAN_FIELDS:
            if text is None:
                continue  # retired in review, or corrected again out of recognition: nothing to keep
            goal_id = session.exec(
                select(Goal.id).where(
                    Goal.district_id == row.id, Goal.text == text, col(Goal.number).is_not(None)
                )
            ).first()
            if goal_id is None:
                continue
        session.add(
            GoalCorrection(
                district_id=row.id,
                goal_id=goal_id,
                field=str(field),
                value=str(noted["value"])[:2000],
                read_as=read_as[:2000],
                was=str(noted.get("was") or "")[:4000],
                made_by=_person_id(session, _maker(noted.get("by"))),
                made_at=datetime.fromisoformat(str(noted["at"])),
            )
        )


def _maker(by: Any) -> PersonInfo | None:
    """Who made a correction in review, as the review keeps it (bot/services/plan_review.py)."""
    if not isinstance(by, dict) or not by.get("teams"):
        return None
    return PersonInfo(str(by["teams"]), by.get("aad"), "")


def _person_id(session: Session, person: PersonInfo | None) -> int | None:
    found = find_person(session, person) if person is not None else None
    return found.id if found is not None else None


def _read_as(session: Session, goal_id: int | None) -> str | None:
    first = session.exec(
        select(GoalCorrection.read_as)
        .where(GoalCorrection.goal_id == goal_id)
        .order_by(col(GoalCorrection.id))
    ).first()
    return first


def _sync_sections(session: Session, district_id: int, draft: PlanDraft) -> list[Section]:
    existing: dict[str, Section | None] = {
        s.title: s for s in session.exec(select(Section).where(Section.district_id == district_id))
    }
    # Positions are unique per district: park the old ones out of the way before renumbering.
    for old in existing.values():
        if old is not None:
            old.position = -(old.id or 0)
    session.flush()
    result = []
    for position, draft_section in enumerate(draft.sections, start=1):
        section = existing.pop(draft_section.title, None) or Section(
            district_id=district_id, title=draft_section.title, position=position
        )
        section.position = position
        section.title_en = draft_section.title_en
        session.add(section)
        result.append(section)
    session.flush()
    return result


def _drop_empty_sections(session: Session, district_id: int) -> None:
    for section in session.exec(
        select(Section).where(Section.district_id == district_id, col(Section.position) < 0)
    ):
        in_use = session.exec(
            select(func.count()).select_from(Goal).where(Goal.section_id == section.id)
        ).one()
        if not in_use:
            session.delete(section)


def _remember(session: Session, conversation: ConversationInfo, person_id: int | None, now: datetime) -> None:
    row = session.exec(
        select(Conversation).where(Conversation.conversation_id == conversation.conversation_id)
    ).first()
    if row is None:
        row = Conversation(
            conversation_id=conversation.conversation_id,
            kind=conversation.kind,
            created_at=now,
            updated_at=now,
        )
        session.add(row)
    if conversation.team_id:
        row.district_id = session.exec(
            select(Team.district_id).where(Team.team_id == conversation.team_id)
        ).first()
    row.tenant_id = conversation.tenant_id
    row.team_id = conversation.team_id or row.team_id
    row.channel_id = conversation.channel_id or row.channel_id
    row.reference = conversation.reference
    row.active = True
    row.updated_at = now
    if conversation.kind == "personal" and person_id is not None:
        row.person_id = person_id


# Corrections to the plan as a whole, kept with no goal.
_PLAN_FIELDS = frozenset({Field.AREAS, Field.AREA_ENGLISH})


def _areas_en(given: Iterable[str]) -> dict[str, str]:
    """The English names the board gave the priority areas in chat (the latest for each), which outlive
    imports of the plan."""
    named = {}
    for value in given:
        pair = area_english(value)
        if pair is not None:
            named[fold(pair[0])] = pair[1]
    return named


_PLAN_DISTRICT = sa_select(
    col(District.id),
    col(District.name),
    col(District.plan_title),
    col(District.plan_year),
    col(District.priority_areas),
    col(District.example),
).where(col(District.name) == bindparam("district"))
# Each goal with its section and, outer-joined, the targets the board changed it from in the stored plan,
# oldest first (a correction made while reviewing the plan, before it was stored, is how the plan reads: no
# change). A goal comes once per earlier target.
_PLAN_GOALS = (
    sa_select(
        col(Goal.id),
        col(Goal.number),
        col(Section.title),
        col(Section.title_en),
        col(Goal.text),
        col(Goal.text_en),
        col(Goal.target),
        col(Goal.applies_to_branches),
        col(Goal.responsible_in_plan),
        col(GoalCorrection.made_at),
        col(GoalCorrection.was),
    )
    .join(Section, col(Goal.section_id) == col(Section.id), isouter=True)
    .join(
        GoalCorrection,
        and_(
            col(GoalCorrection.goal_id) == col(Goal.id),
            col(GoalCorrection.district_id) == bindparam("district"),
            col(GoalCorrection.field) == bindparam("target"),
            col(GoalCorrection.made_at) > col(Goal.created_at),
        ),
        isouter=True,
    )
    .where(col(Goal.district_id) == bindparam("district"), col(Goal.number).is_not(None))
    .order_by(col(Goal.number), col(GoalCorrection.id))
)
_AREAS_EN = (
    sa_select(col(GoalCorrection.value))
    .where(
        col(GoalCorrection.district_id) == bindparam("district"),
        col(GoalCorrection.field) == bindparam("field"),
    )
    .order_by(col(GoalCorrection.id))
)


def _add_branches(session: Session, district: str, names: Sequence[str], now: datetime) -> tuple[str, ...]:
    """Add the branches not yet in the district's list; the names added."""
    district_id = session.exec(select(District.id).where(District.name == district)).one()
    known = list(session.exec(select(Branch).where(Branch.district_id == district_id)).all())
    added = []
    for name in names:
        if find_branch(name, known) is None:
            branch_id = add_branch(session, district_id, name, now)
            row = session.get(Branch, branch_id)
            assert row is not None
            known.append(row)
            added.append(row.name)
    return tuple(added)


def _set_up(session: Session, district: District) -> bool:
    """Whether people have set the district up: anyone given a role there, or a branch added."""
    return any(
        session.exec(select(table.id).where(table.district_id == district.id).limit(1)).first() is not None
        for table in (Role, Branch)
    )
