"""Which district a team, a group chat or a person belongs to (all SQL for it lives here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from bot.db.engine import Database
from bot.db.models import Conversation, District, Membership, Role, Team
from bot.db.people import find_person, remember_person
from bot.services.people import ConversationInfo, PersonInfo, Scope, scope_of_person, scope_of_shared

TEAM_NAME_LENGTH = 200


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
        with self.db.read() as session:
            return _names(session)

    def scope(
        self, conversation: ConversationInfo, person: PersonInfo | None, *, admin: bool, default: str = ""
    ) -> Scope:
        """The district a message in `conversation` from `person` speaks for. Before any district exists,
        `default` (the settings' DISTRICT) stands in, so the answer can say what to do."""
        with self.db.read() as session:
            districts = _names(session) or ([default] if default else [])
            if conversation.kind != "personal":
                return scope_of_shared(_linked(session, conversation), districts)
            row = find_person(session, person) if person else None
            if row is None:
                return scope_of_person((), None, districts, admin=admin)
            belongs = _belongs(session, row.id)
            chosen = session.exec(
                select(District.name)
                .join(Membership, col(Membership.district_id) == col(District.id))
                .where(Membership.person_id == row.id, col(Membership.chosen_at).is_not(None))
                .order_by(col(Membership.chosen_at).desc())
            ).first()
            return scope_of_person(belongs, chosen, districts, admin=admin)

    def belongs(self, person: PersonInfo) -> list[str]:
        """The districts a person belongs to: seen in their Team, or holding a role there."""
        with self.db.read() as session:
            row = find_person(session, person)
            return sorted(_belongs(session, row.id)) if row is not None else []

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
            row = _district(session, district)
            if row is None:
                return False
            _link(session, _team(session, team_id, name, now), row, now)
            return True

    def link_chat(self, conversation_id: str, district: str, *, now: datetime) -> bool:
        """Link a group chat to a district; False if there is no such district or chat."""
        with self.db.write() as session:
            row = _district(session, district)
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
            row = _district(session, district)
            if row is None:
                return
            membership = _membership(session, remember_person(session, person, now), row, now)
            membership.seen_at = now

    def choose(self, person: PersonInfo, district: str, *, now: datetime) -> bool:
        """Make `district` the one the person's personal chat speaks for; False if there is no such
        district. Whether they may choose it is the caller's to decide (bot/services/districts.py)."""
        with self.db.write() as session:
            row = _district(session, district)
            if row is None:
                return False
            _membership(session, remember_person(session, person, now), row, now).chosen_at = now
            return True


def _belongs(session: Session, person_id: int | None) -> set[str]:
    members = select(District.name).join(Membership, col(Membership.district_id) == col(District.id))
    holders = select(District.name).join(Role, col(Role.district_id) == col(District.id))
    return {
        *session.exec(members.where(Membership.person_id == person_id)).all(),
        *session.exec(holders.where(Role.person_id == person_id)).all(),
    }


def _names(session: Session) -> list[str]:
    return list(session.exec(select(District.name).order_by(col(District.name))).all())


def _district(session: Session, name: str) -> District | None:
    return session.exec(select(District).where(District.name == name)).first()


def _district_name(session: Session, district_id: int | None) -> str | None:
    if district_id is None:
        return None
    return session.exec(select(District.name).where(District.id == district_id)).first()


def _linked(session: Session, conversation: ConversationInfo) -> str | None:
    """The district of a team channel (through its team) or of a linked group chat."""
    if conversation.team_id:
        return session.exec(
            select(District.name)
            .join(Team, col(Team.district_id) == col(District.id))
            .where(Team.team_id == conversation.team_id)
        ).first()
    return session.exec(
        select(District.name)
        .join(Conversation, col(Conversation.district_id) == col(District.id))
        .where(Conversation.conversation_id == conversation.conversation_id)
    ).first()


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
