"""Settings, read from the environment and `.env` (see `.env.example`)."""

from __future__ import annotations

import ipaddress
import re
from datetime import timedelta
from functools import cached_property
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Language = Literal["sv", "en"]

# Shorter secrets could be guessed offline from one link.
MIN_EXPORT_SECRET_LENGTH = 32


class ConfigError(Exception):
    """A setting that stops the server from starting; its message is one line for the operator."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Bot Framework app registration; all empty = local development without Azure (loopback only).
    microsoft_app_id: str = Field("", validation_alias=AliasChoices("MicrosoftAppId", "MICROSOFT_APP_ID"))
    microsoft_app_password: SecretStr = Field(
        SecretStr(""), validation_alias=AliasChoices("MicrosoftAppPassword", "MICROSOFT_APP_PASSWORD")
    )
    microsoft_app_type: Literal["MultiTenant", "SingleTenant", "UserAssignedMSI"] = Field(
        "SingleTenant", validation_alias=AliasChoices("MicrosoftAppType", "MICROSOFT_APP_TYPE")
    )
    microsoft_app_tenant_id: str = Field(
        "", validation_alias=AliasChoices("MicrosoftAppTenantId", "MICROSOFT_APP_TENANT_ID")
    )

    # Which SDK carries the turns (bot/sdk): botbuilder (the default) or agents (the Microsoft 365 Agents
    # SDK, its supported successor; `pip install '.[agents]'`). The same bot either way.
    bot_sdk: Literal["botbuilder", "agents"] = "botbuilder"

    host: str = "127.0.0.1"
    port: int = Field(3978, ge=1, le=65535)
    database_url: str = "sqlite:///data/bot.db"

    # The district this deployment answers for when a conversation is not linked to another one.
    district: str = "Vänsterpartiet Västernorrland"
    timezone: str = "Europe/Stockholm"
    language: Language = "sv"

    # Teams (AAD) object ids of the people who may give roles and change anything, comma-separated.
    admins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Microsoft Entra tenant ids whose activities the bot answers, comma-separated; empty: any tenant.
    allowed_tenants: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # How late a prompt may still be posted when the bot was down at its time; past that it is skipped.
    post_grace_hours: float = Field(6.0, ge=0, le=72)
    # A post Teams refused with a server error is tried again after this many seconds (doubling each time,
    # up to 5 tries, within the grace above).
    post_retry_seconds: float = Field(60.0, ge=0.01, le=3600)

    # How long a claim to post a prompt lives unless its process renews it; past that, any running server
    # tells the board the post may be missing (the process died mid-post).
    claim_lease_seconds: float = Field(120.0, ge=1, le=3600)

    # How many days before a quarter ends chairs and responsible people are reminded to report, and the
    # board gets its digest of who has (0: no reminders, no digest).
    report_reminder_days: int = Field(14, ge=0, le=92)

    # Largest request body /api/messages accepts; Teams activities are far below this.
    max_request_bytes: int = Field(256 * 1024, ge=1024)

    # Where people reach this server from their browsers, for links the bot writes in chat (the board's
    # CSV export). Empty: http://HOST:PORT, which only works on the server's own machine.
    public_url: str = ""
    # Signs the export's download links (HMAC-SHA256), at least 32 characters. Empty: a random secret per
    # process, so links stop working when the bot restarts, and on other replicas than the one that made them.
    export_secret: SecretStr = Field(SecretStr(""), repr=False)
    # How long an export's download link works.
    export_link_minutes: int = Field(15, ge=1, le=24 * 60)

    # Retention: conversation references last used in a plan year, and who reported that year's check-ins,
    # are deleted this many months after the plan year ends (a daily job; bot/services/privacy.py).
    retention_months: int = Field(6, ge=0, le=120)

    @field_validator("admins", "allowed_tenants", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown time zone {value!r} (use an IANA name such as Europe/Stockholm)"
            ) from exc
        return value

    @field_validator("public_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", value):
            raise ValueError(f"{value!r} is not an http(s) address such as https://bot.example.org")
        return value

    @field_validator("export_secret")
    @classmethod
    def _long_secret(cls, value: SecretStr) -> SecretStr:
        secret = value.get_secret_value()
        if secret and len(secret) < MIN_EXPORT_SECRET_LENGTH:
            raise ValueError(
                f"use at least {MIN_EXPORT_SECRET_LENGTH} characters, e.g. "
                "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )
        return value

    @model_validator(mode="after")
    def _password_with_app_id(self) -> Settings:
        needs_password = self.microsoft_app_type != "UserAssignedMSI"
        if self.microsoft_app_id and needs_password and not self.microsoft_app_password.get_secret_value():
            raise ValueError("MicrosoftAppId is set but MicrosoftAppPassword is empty")
        if (
            self.microsoft_app_id
            and self.microsoft_app_type != "MultiTenant"
            and not self.microsoft_app_tenant_id
        ):
            raise ValueError(f"MicrosoftAppType={self.microsoft_app_type} needs MicrosoftAppTenantId")
        return self

    @property
    def has_credentials(self) -> bool:
        return bool(self.microsoft_app_id)

    @property
    def post_grace(self) -> timedelta:
        return timedelta(hours=self.post_grace_hours)

    @property
    def claim_lease(self) -> timedelta:
        return timedelta(seconds=self.claim_lease_seconds)

    @property
    def public_base_url(self) -> str:
        """PUBLIC_URL, or the address the server listens on."""
        if self.public_url:
            return self.public_url
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def export_link_lifetime(self) -> timedelta:
        return timedelta(minutes=self.export_link_minutes)

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def check_listen_address(self) -> None:
        """Refuse to serve unauthenticated requests anywhere but on this machine."""
        if self.has_credentials or is_loopback(self.host):
            return
        raise ConfigError(
            f"Refusing to listen on {self.host}: without MicrosoftAppId/MicrosoftAppPassword the bot accepts "
            "unauthenticated requests, so it only listens on loopback (127.0.0.1 or ::1). "
            "Set the app credentials, or HOST=127.0.0.1."
        )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with one clear line instead of a traceback when they are wrong."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in err['loc']) or 'settings'}: "
            f"{err['msg'].removeprefix('Value error, ')}"
            for err in exc.errors()
        )
        raise ConfigError(f"Configuration error: {problems}") from None
