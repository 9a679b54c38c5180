"""Tables. Every change to them goes through an Alembic migration in `bot/db/migrations/versions/`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.db.types import UTCDateTime

DISTRICT_NAME_LENGTH = 200


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
    created_at: datetime = _utc()
    updated_at: datetime = _utc()


class Section(SQLModel, table=True):
    """A heading of the plan (avsnitt) that goals sit under."""

    __tablename__ = "section"
    __table_args__ = (UniqueConstraint("district_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    district_id: int = Field(
        sa_column=Column(Integer, ForeignKey("district.id", ondelete="CASCADE"), nullable=False)
    )
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
    district_id: int = Field(
        sa_column=Column(Integer, ForeignKey("district.id", ondelete="CASCADE"), nullable=False)
    )
    section_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("section.id", ondelete="SET NULL"))
    )
    number: int | None = None
    text: str
    text_en: str | None = None
    target: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    applies_to_branches: bool = False
    created_at: datetime = _utc()
    updated_at: datetime = _utc()
    retired_at: datetime | None = _utc(nullable=True)


class Person(SQLModel, table=True):
    """Someone the bot has met in Teams. Only what the job needs: ids to reach them and a display name."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    aad_object_id: str | None = Field(default=None, unique=True, max_length=64)
    teams_user_id: str = Field(unique=True, max_length=300)
    name: str = Field(default="", max_length=200)
    created_at: datetime = _utc()
    last_seen_at: datetime = _utc()


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
    district_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("district.id", ondelete="SET NULL"))
    )
    person_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("person.id", ondelete="CASCADE"))
    )
    reference: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    active: bool = True
    created_at: datetime = _utc()
    updated_at: datetime = _utc()
