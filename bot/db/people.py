"""Who is asking, as stored: people, their roles and branches in a district, the district a team, a group
chat or a person belongs to (all SQL for them lives here)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import CompoundSelect, Connection, bindparam, func, null, union_all, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from bot.db.dialogs import DialogStates
from bot.db.engine import Database, StorageGone
from bot.db.models import (
    Branch,
    CheckIn,
    Conversation,
    District,
    Goal,
    GoalResponsible,
    Membership,
    Person,
    PersonLanguage,
    QuietPeriod,
    Role,
    Team,
)
from bot.i18n import fold, person_language
from bot.services.people import (
    ConversationInfo,
    PersonInfo,
    Scope,
    Writer,
    scope_of_person,
    scope_of_shared,
    with_admin,
)
from bot.services.people import Role as RoleKind

# Longest display name kept (Teams allows 256 characters; nobody's real name is near this).
NAME_LENGTH = 200
TEAM_NAME_LENGTH = 200
LOCALE_LENGTH = 20


@dataclass(frozen=True)
class Member:
    """A person with a role, as the board sees them."""

    person_id: int
    name: str
    role: RoleKind
    branch: str | None = None


class UnknownDistrict(LookupError):
    pass


class PeopleRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def roles(self, person: PersonInfo, district: str) -> set[RoleKind]:
        """The stored roles of whoever sent a message (admins are decided by configuration, not here)."""
        with self.db.rows() as connection:
            return _roles(connection, find_known(connection, person), district)

    def grant(
        self, person: PersonInfo, district: str, role: RoleKind, *, branch: str | None = None, now: datetime
    ) -> bool:
        """Give `person` a role in the district; False if they already had it. Chairs name their branch."""
        if role not in (RoleKind.BOARD, RoleKind.CHAIR, RoleKind.DEPUTY):
            raise ValueError(f"{role} is not stored")
        with self.db.write() as session:
            district_row = _district(session, district)
            person_id = remember_person(session, person, now)
            in_branch = role in (RoleKind.CHAIR, RoleKind.DEPUTY)
            branch_id = _branch(session, district_row.id, branch, now) if in_branch else None
            existing = session.exec(
                select(Role).where(
                    Role.person_id == person_id,
                    Role.district_id == district_row.id,
                    Role.kind == role.value,
                    Role.branch_id == branch_id,
                )
            ).first()
            if existing is not None:
                return False
            session.add(
                Role(
                    person_id=person_id,
                    district_id=district_row.id or 0,
                    kind=role.value,
                    branch_id=branch_id,
                    granted_at=now,
                )
            )
            return True

    def revoke(self, person: PersonInfo, district: str, role: RoleKind) -> int:
        """Take a role away (every branch, for a chair); how many were removed."""
        with self.db.write() as session:
            district_row = _district(session, district)
            row = find_person(session, person)
            if row is None:
                return 0
            roles = session.exec(
                select(Role).where(
                    Role.person_id == row.id, Role.district_id == district_row.id, Role.kind == role.value
                )
            ).all()
            for found in roles:
                session.delete(found)
            return len(roles)

    def revoke_role_in(self, person: PersonInfo, district: str, role: RoleKind, branch_id: int) -> bool:
        """Take away their role (chair or deputy) in one branch; False if they did not hold it."""
        with self.db.write() as session:
            row = find_person(session, person)
            if row is None:
                return False
            roles = session.exec(
                select(Role).where(
                    Role.person_id == row.id,
                    Role.kind == role.value,
                    Role.branch_id == branch_id,
                    Role.district_id == _district(session, district).id,
                )
            ).all()
            for found in roles:
                session.delete(found)
            return bool(roles)

    # --- the district's branches, as the board keeps them ------------------------------------------

    def add_branch(self, district: str, name: str, *, now: datetime) -> str:
        """Add a branch (or find it, case and diacritics aside); its name as stored."""
        return self.add_branches(district, [name], now=now)[0]

    def add_branches(self, district: str, names: Sequence[str], *, now: datetime) -> list[str]:
        """Add branches in one transaction (or find them, case and diacritics aside); their stored names."""
        with self.db.write() as session:
            district_id = _district(session, district).id
            stored = []
            for name in names:
                found = session.get(Branch, _branch(session, district_id, name, now))
                assert found is not None
                stored.append(found.name)
            return stored

    def rename_branch(self, district: str, branch_id: int, name: str) -> None:
        """Give a branch a new name; its reports and chairs stay with it."""
        with self.db.write() as session:
            row = session.get(Branch, branch_id)
            if row is None or row.district_id != _district(session, district).id:
                raise LookupError(branch_id)
            row.name = " ".join(name.split())[:NAME_LENGTH]

    def merge_branches(self, district: str, source_id: int, target_id: int) -> tuple[int, int]:
        """Move a branch's reports and chairs to another branch and drop it; how many reports and chairs
        moved (a chair of both chairs the other still). Each moved report keeps the branch it was first made
        for, so one event both branches told counts once."""
        with self.db.write() as session:
            district_id = _district(session, district).id
            source, target = session.get(Branch, source_id), session.get(Branch, target_id)
            if source is None or target is None or {source.district_id, target.district_id} != {district_id}:
                raise LookupError(source_id)
            moved = session.exec(
                update(CheckIn)  # type: ignore[call-overload]
                .where(col(CheckIn.branch_id) == source_id)
                .values(
                    branch_id=target_id,
                    first_branch_id=func.coalesce(col(CheckIn.first_branch_id), source_id),
                )
            ).rowcount
            chairs = 0
            for role in session.exec(select(Role).where(Role.branch_id == source_id)).all():
                chairs += role.kind == RoleKind.CHAIR.value
                taken = session.exec(
                    select(Role).where(
                        Role.person_id == role.person_id, Role.kind == role.kind, Role.branch_id == target_id
                    )
                ).first()
                if taken is None:
                    role.branch_id = target_id
                else:
                    session.delete(role)
            session.flush()
            session.delete(source)
            return int(moved or 0), chairs

    def remove_branch(self, district: str, branch_id: int) -> int:
        """Remove a branch nobody has reported for (its chairs lose that role); how many reports it has,
        which are kept, and then it is not removed."""
        with self.db.write() as session:
            row = session.get(Branch, branch_id)
            if row is None or row.district_id != _district(session, district).id:
                raise LookupError(branch_id)
            reports = len(session.exec(select(CheckIn.id).where(CheckIn.branch_id == branch_id)).all())
            if reports:
                return reports
            for role in session.exec(select(Role).where(Role.branch_id == branch_id)).all():
                session.delete(role)
            session.delete(row)
            return 0

    def members(self, district: str, role: RoleKind | None = None) -> list[Member]:
        """Everyone with a stored role in the district (or one role), by name."""
        with self.db.read() as session:
            query = (
                select(Person, Role, Branch)
                .join(Role, col(Role.person_id) == col(Person.id))
                .join(District, col(District.id) == col(Role.district_id))
                .join(Branch, col(Branch.id) == col(Role.branch_id), isouter=True)
                .where(District.name == district)
                .order_by(col(Role.kind), col(Person.name), col(Person.id))
            )
            if role is not None:
                query = query.where(Role.kind == role.value)
            return [
                Member(person.id or 0, person.name, RoleKind(found.kind), branch.name if branch else None)
                for person, found, branch in session.exec(query).all()
            ]

    def with_role(self, district: str, role: RoleKind) -> list[PersonInfo]:
        """The people with this role in the district, as Teams names them (to find one by name)."""
        with self.db.read() as session:
            rows = session.exec(
                select(Person)
                .join(Role, col(Role.person_id) == col(Person.id))
                .join(District, col(District.id) == col(Role.district_id))
                .where(District.name == district, Role.kind == role.value)
                .order_by(col(Person.name), col(Person.id))
            ).all()
            return [PersonInfo(row.teams_user_id or "", row.aad_object_id, row.name) for row in rows]

    def set_quiet(self, person: PersonInfo, until: date | None, *, now: datetime) -> None:
        """No reminders to them before `until` (None: reminders as usual again)."""
        with self.db.write() as session:
            person_id = remember_person(session, person, now)
            row = session.exec(select(QuietPeriod).where(QuietPeriod.person_id == person_id)).first()
            if until is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(QuietPeriod(person_id=person_id, until=until, set_at=now))
            else:
                row.until, row.set_at = until, now

    def quiet_until(self, person: PersonInfo) -> date | None:
        with self.db.read() as session:
            found = find_person(session, person)
            if found is None:
                return None
            row = session.exec(select(QuietPeriod).where(QuietPeriod.person_id == found.id)).first()
            return row.until if row else None

    def quiet(self, person_ids: list[int]) -> dict[int, date]:
        """Those of these people who snoozed their reminders, and the day reminders may come again."""
        with self.db.read() as session:
            rows = session.exec(select(QuietPeriod).where(col(QuietPeriod.person_id).in_(person_ids))).all()
            return {row.person_id: row.until for row in rows}

    def personal_chats(self, person_ids: list[int]) -> dict[int, dict[str, object]]:
        """The stored personal-chat references of these people (those the bot can write to)."""
        if not person_ids:
            return {}
        with self.db.read() as session:
            rows = session.exec(
                select(Conversation).where(
                    col(Conversation.person_id).in_(person_ids),
                    Conversation.kind == "personal",
                    col(Conversation.active).is_(True),
                )
            ).all()
            return {row.person_id: row.reference for row in rows if row.person_id is not None}

    def language_choice(self, person: PersonInfo) -> tuple[int | None, str | None, str | None]:
        """The person's id (None if the bot has not met them), the language they chose, the locale noted."""
        with self.db.rows() as connection:
            found = find_known(connection, person)
            row = connection.execute(_LANGUAGE, {"person": found.id}).first() if found else None
        chosen, stored = row if row is not None else (None, None)
        return (found.id if found else None), (str(chosen) if chosen else None), stored

    def note_locale(self, person_id: int, locale: str, now: datetime) -> None:
        with self.db.write() as session:
            _language_row(session, person_id, now).locale = locale[:LOCALE_LENGTH]

    def choose_language(self, person: PersonInfo, language: str | None, *, now: datetime) -> None:
        """Store the language `person` chose (None: follow their Teams client again)."""
        with self.db.write() as session:
            _language_row(session, remember_person(session, person, now), now).language = language

    def languages(self, person_ids: list[int], default: str) -> dict[int, str]:
        """Each person's language for a message the bot starts (bot/i18n.py, person_language); `default`
        (the district's) for anyone who neither chose one nor wrote to the bot."""
        found: dict[int, str] = {}
        if person_ids:
            with self.db.read() as session:
                rows = session.exec(
                    select(PersonLanguage).where(col(PersonLanguage.person_id).in_(person_ids))
                ).all()
                found = {row.person_id: person_language(row.language, row.locale, default) for row in rows}
        return {person_id: found.get(person_id, default) for person_id in person_ids}

    def language_of(self, person_id: int | None, default: str) -> str:
        """One person's language (see `languages`): what every message the bot starts to someone uses."""
        return self.languages([person_id], default)[person_id] if person_id else default

    def names_by_aad(self, aad_object_ids: Collection[str]) -> list[str]:
        """The names of the people with these Entra object ids whom the bot has met, sorted."""
        if not aad_object_ids:
            return []
        with self.db.read() as session:
            query = select(Person.name).where(col(Person.aad_object_id).in_(list(aad_object_ids)))
            return sorted({name for name in session.exec(query).all() if name})

    def find_id(self, person: PersonInfo) -> int | None:
        """The person's id if the bot has met them (nothing is stored by asking)."""
        with self.db.read() as session:
            found = find_person(session, person)
            return found.id if found else None

    def person_id(self, person: PersonInfo, *, now: datetime) -> int:
        with self.db.write() as session:
            return remember_person(session, person, now)


@dataclass(frozen=True)
class KnownPerson:
    """A person's row as find_person finds it: who they are to the bot."""

    id: int
    name: str
    aad_object_id: str | None
    teams_user_id: str | None


_PERSON = sa_select(col(Person.id), col(Person.name), col(Person.aad_object_id), col(Person.teams_user_id))
_PERSON_BY_AAD = _PERSON.where(col(Person.aad_object_id) == bindparam("aad"))
_PERSON_BY_TEAMS = _PERSON.where(col(Person.teams_user_id) == bindparam("teams"))
_LANGUAGE = sa_select(col(PersonLanguage.language), col(PersonLanguage.locale)).where(
    col(PersonLanguage.person_id) == bindparam("person")
)
_DISTRICT_NAMES = sa_select(col(District.name)).order_by(col(District.name))
# The districts a person belongs to (a membership or a role there), with when they chose each.
_BELONGS: CompoundSelect = union_all(
    sa_select(col(District.name), col(Membership.chosen_at))
    .join(Membership, col(Membership.district_id) == col(District.id))
    .where(col(Membership.person_id) == bindparam("person")),
    sa_select(col(District.name), null().label("chosen_at"))
    .join(Role, col(Role.district_id) == col(District.id))
    .where(col(Role.person_id) == bindparam("person")),
)
_TEAM_DISTRICT = (
    sa_select(col(District.name))
    .join(Team, col(Team.district_id) == col(District.id))
    .where(col(Team.team_id) == bindparam("team"))
)
_CHAT_DISTRICT = (
    sa_select(col(District.name))
    .join(Conversation, col(Conversation.district_id) == col(District.id))
    .where(col(Conversation.conversation_id) == bindparam("conversation"))
)
_ROLE_KINDS = (
    sa_select(col(Role.kind))
    .join(District, col(District.id) == col(Role.district_id))
    .where(col(Role.person_id) == bindparam("person"), col(District.name) == bindparam("district"))
)
_RESPONSIBLE_ANY = (
    sa_select(col(GoalResponsible.goal_id))
    .join(Goal, col(Goal.id) == col(GoalResponsible.goal_id))
    .join(District, col(District.id) == col(Goal.district_id))
    .where(
        col(GoalResponsible.person_id) == bindparam("person"),
        col(District.name) == bindparam("district"),
        col(Goal.number).is_not(None),  # a goal the plan dropped is no one's to report
    )
    .limit(1)
)


def find_known(connection: Connection, person: PersonInfo) -> KnownPerson | None:
    """find_person in Core SQL, for the reads every turn makes (no ORM objects)."""
    row: Any = None
    if person.aad_object_id:
        row = connection.execute(_PERSON_BY_AAD, {"aad": person.aad_object_id}).first()
    if row is None and person.teams_user_id:
        row = connection.execute(_PERSON_BY_TEAMS, {"teams": person.teams_user_id}).first()
    return KnownPerson(*row) if row is not None else None


def _language_row(session: Session, person_id: int, now: datetime) -> PersonLanguage:
    row = session.get(PersonLanguage, person_id)
    if row is None:
        row = PersonLanguage(person_id=person_id, updated_at=now)
        session.add(row)
    row.updated_at = now
    return row


def find_person(session: Session, person: PersonInfo) -> Person | None:
    if person.aad_object_id:
        row = session.exec(select(Person).where(Person.aad_object_id == person.aad_object_id)).first()
        if row is not None:
            return row
    if person.teams_user_id:
        return session.exec(select(Person).where(Person.teams_user_id == person.teams_user_id)).first()
    return None


def remember_person(session: Session, person: PersonInfo, now: datetime) -> int:
    """Find or create a person by AAD object id or Teams id, keeping what we learn of them."""
    row = find_person(session, person)
    if row is None:
        row = Person(created_at=now, last_seen_at=now)
        session.add(row)
    row.teams_user_id = person.teams_user_id or row.teams_user_id
    row.aad_object_id = person.aad_object_id or row.aad_object_id
    row.name = (person.name or row.name)[:NAME_LENGTH]
    row.last_seen_at = now
    session.flush()
    assert row.id is not None
    return row.id


def _district(session: Session, name: str) -> District:
    row = session.exec(select(District).where(District.name == name)).first()
    if row is None or row.id is None:
        raise UnknownDistrict(name)
    return row


def _branch(session: Session, district_id: int | None, name: str | None, now: datetime) -> int:
    """The district's branch of that name (case and diacritics aside), made if there is none."""
    if not name:
        raise ValueError("a chair's role names the branch")
    name = " ".join(name.split())[:NAME_LENGTH]
    rows = session.exec(select(Branch).where(Branch.district_id == district_id)).all()
    row = next((r for r in rows if fold(r.name) == fold(name)), None)
    if row is None:
        row = Branch(district_id=district_id or 0, name=name, created_at=now)
        session.add(row)
        session.flush()
    assert row.id is not None
    return row.id


# --- districts: which one a team, a group chat or a person belongs to ---------------------------------


@dataclass(frozen=True)
class TeamInfo:
    team_id: str
    name: str
    district: str | None


class DistrictRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def names(self) -> list[str]:
        """Every district of the deployment, by name."""
        with self.db.rows() as connection:
            return list(connection.execute(_DISTRICT_NAMES).scalars())

    def scope(
        self, conversation: ConversationInfo, person: PersonInfo | None, *, admin: bool, default: str = ""
    ) -> Scope:
        """The district a message in `conversation` from `person` speaks for. Before any district exists,
        `default` (the settings' DISTRICT) stands in, so the answer can say what to do."""
        with self.db.rows() as connection:
            known = find_known(connection, person) if person else None
            return _scope(connection, conversation, known, admin=admin, default=default)

    def writer(
        self,
        conversation: ConversationInfo,
        person: PersonInfo | None,
        locale: str | None,
        *,
        admins: Collection[str],
        default: str = "",
        now: datetime,
        answering: str | None = None,
    ) -> Writer:
        """Who wrote a turn (one call per turn, in a worker thread): the district `scope` finds, the language
        they chose (their Teams locale noted on the way, for messages the bot starts), their roles there
        (administrators by configuration); with `answering` (a conversation's dialog key), the question kept
        for it, taken: this turn answers it."""
        admin = bool(person and person.aad_object_id and person.aad_object_id in admins)
        with self.db.rows() as connection:
            known = find_known(connection, person) if person else None
            scope = _scope(connection, conversation, known, admin=admin, default=default)
            if person is None:
                return Writer(scope, None, frozenset({RoleKind.MEMBER}))
            row = connection.execute(_LANGUAGE, {"person": known.id}).first() if known else None
            chosen, noted = row if row is not None else (None, None)
            stored = _roles(connection, known, scope.district) if scope.district else {RoleKind.MEMBER}
        if known is not None and locale and locale[:LOCALE_LENGTH] != noted:
            try:
                PeopleRepository(self.db).note_locale(known.id, locale, now)
            except StorageGone:  # logged where it happened; the reply does not need the locale
                pass
        language = str(chosen) if chosen else None
        taken = DialogStates(self.db).take(answering, now=now) if answering else None
        return Writer(scope, language, frozenset(with_admin(stored, person, admins)), taken)

    def belongs(self, person: PersonInfo) -> list[str]:
        """The districts a person belongs to: seen in their Team, or holding a role there."""
        with self.db.rows() as connection:
            known = find_known(connection, person)
            if known is None:
                return []
            return sorted(set(connection.execute(_BELONGS, {"person": known.id}).scalars()))

    def note_team(self, team_id: str, name: str, *, now: datetime) -> str | None:
        """The bot met a team (installed, or a message from it): remember it, and link it to the
        deployment's only district if it has one and the team is not linked yet. Its district, if any."""
        with self.db.write() as session:
            team = _team(session, team_id, name, now)
            if team.district_id is None:
                districts = session.exec(select(District)).all()
                if len(districts) == 1:
                    _link(session, team, districts[0], now)
            return _district_name(session, team.district_id)

    def link_team(self, team_id: str, district: str, *, name: str = "", now: datetime) -> bool:
        """Link a team, with every conversation in it, to a district; False if there is no such district."""
        with self.db.write() as session:
            row = _find_district(session, district)
            if row is None:
                return False
            _link(session, _team(session, team_id, name, now), row, now)
            return True

    def link_chat(self, conversation_id: str, district: str, *, now: datetime) -> bool:
        """Link a group chat to a district; False if there is no such district or chat."""
        with self.db.write() as session:
            row = _find_district(session, district)
            chat = session.exec(
                select(Conversation).where(Conversation.conversation_id == conversation_id)
            ).first()
            if row is None or chat is None:
                return False
            chat.district_id = row.id
            chat.updated_at = now
            return True

    def teams(self) -> list[TeamInfo]:
        with self.db.read() as session:
            return [
                TeamInfo(team.team_id, team.name, _district_name(session, team.district_id))
                for team in session.exec(select(Team).order_by(col(Team.name), col(Team.id))).all()
            ]

    def note_member(self, person: PersonInfo, district: str, *, now: datetime) -> None:
        """Someone wrote in a district's Team: they belong to it (so their personal chat knows)."""
        with self.db.write() as session:
            row = _find_district(session, district)
            if row is None:
                return
            membership = _membership(session, remember_person(session, person, now), row, now)
            membership.seen_at = now

    def choose(self, person: PersonInfo, district: str, *, now: datetime) -> bool:
        """Make `district` the one the person's personal chat speaks for; False if there is no such
        district. Whether they may choose it is the caller's to decide (bot/services/people.py)."""
        with self.db.write() as session:
            row = _find_district(session, district)
            if row is None:
                return False
            _membership(session, remember_person(session, person, now), row, now).chosen_at = now
            return True


def _scope(
    connection: Connection,
    conversation: ConversationInfo,
    known: KnownPerson | None,
    *,
    admin: bool,
    default: str,
) -> Scope:
    """DistrictRepository.scope, with the person already looked up."""
    districts = list(connection.execute(_DISTRICT_NAMES).scalars()) or ([default] if default else [])
    if conversation.kind != "personal":
        return scope_of_shared(_linked(connection, conversation), districts)
    if known is None:
        return scope_of_person((), None, districts, admin=admin)
    rows = connection.execute(_BELONGS, {"person": known.id}).all()
    picked = sorted((row.chosen_at, row.name) for row in rows if row.chosen_at is not None)
    chosen = picked[-1][1] if picked else None  # the one they picked last
    return scope_of_person({row.name for row in rows}, chosen, districts, admin=admin)


def _roles(connection: Connection, known: KnownPerson | None, district: str) -> set[RoleKind]:
    if known is None:
        return {RoleKind.MEMBER}
    kinds = connection.execute(_ROLE_KINDS, {"person": known.id, "district": district}).scalars()
    roles = {RoleKind.MEMBER, *(RoleKind(kind) for kind in kinds)}
    if connection.execute(_RESPONSIBLE_ANY, {"person": known.id, "district": district}).first():
        roles.add(RoleKind.RESPONSIBLE)
    return roles


def _find_district(session: Session, name: str) -> District | None:
    return session.exec(select(District).where(District.name == name)).first()


def _district_name(session: Session, district_id: int | None) -> str | None:
    if district_id is None:
        return None
    return session.exec(select(District.name).where(District.id == district_id)).first()


def _linked(connection: Connection, conversation: ConversationInfo) -> str | None:
    """The district of a team channel (through its team) or of a linked group chat."""
    if conversation.team_id:
        return connection.execute(_TEAM_DISTRICT, {"team": conversation.team_id}).scalar()
    return connection.execute(_CHAT_DISTRICT, {"conversation": conversation.conversation_id}).scalar()


def _team(session: Session, team_id: str, name: str, now: datetime) -> Team:
    team = session.exec(select(Team).where(Team.team_id == team_id)).first()
    if team is None:
        team = Team(team_id=team_id, created_at=now, updated_at=now)
        session.add(team)
    if name and name[:TEAM_NAME_LENGTH] != team.name:
        team.name = name[:TEAM_NAME_LENGTH]
        team.updated_at = now
    session.flush()
    return team


def _link(session: Session, team: Team, district: District, now: datetime) -> None:
    team.district_id = district.id
    team.linked_at = team.updated_at = now
    session.exec(
        update(Conversation)  # type: ignore[call-overload]
        .where(col(Conversation.team_id) == team.team_id)
        .values(district_id=district.id, updated_at=now)
    )


def _membership(session: Session, person_id: int, district: District, now: datetime) -> Membership:
    row = session.exec(
        select(Membership).where(Membership.person_id == person_id, Membership.district_id == district.id)
    ).first()
    if row is None:
        assert district.id is not None
        row = Membership(person_id=person_id, district_id=district.id, seen_at=now)
        session.add(row)
    return row
