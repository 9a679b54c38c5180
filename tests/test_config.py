"""Settings: defaults, the loopback rule, and one clear line for each configuration error."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings, is_loopback, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's is read
    for name in (
        "MicrosoftAppId",
        "MicrosoftAppPassword",
        "MicrosoftAppType",
        "MicrosoftAppTenantId",
        "HOST",
        "PORT",
        "DATABASE_URL",
        "TIMEZONE",
        "LANGUAGE",
        "DISTRICT",
    ):
        monkeypatch.delenv(name, raising=False)


def test_defaults_serve_a_local_sqlite_bot_in_swedish() -> None:
    settings = load_settings()
    assert (settings.host, settings.port) == ("127.0.0.1", 3978)
    assert settings.database_url == "sqlite:///data/bot.db"
    assert settings.timezone == "Europe/Stockholm" and settings.language == "sv"
    assert not settings.has_credentials


def test_reads_the_bot_framework_names_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MicrosoftAppId", "00000000-0000-0000-0000-000000000001")
    monkeypatch.setenv("MicrosoftAppPassword", "secret")
    monkeypatch.setenv("MicrosoftAppTenantId", "tenant")
    monkeypatch.setenv("PORT", "8080")
    settings = load_settings()
    assert settings.microsoft_app_id.endswith("0001") and settings.port == 8080
    assert "secret" not in repr(settings)


def test_reads_a_dotenv_file(tmp_path: object) -> None:
    from pathlib import Path

    Path(".env").write_text("LANGUAGE=en\nDISTRICT=Vänsterpartiet Skåne\n", encoding="utf-8")
    settings = load_settings()
    assert settings.language == "en" and settings.district == "Vänsterpartiet Skåne"


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
def test_loopback_is_fine_without_credentials(host: str) -> None:
    load_settings(host=host).check_listen_address()
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "::", "bot.example.org"])
def test_without_credentials_the_bot_refuses_to_listen_off_loopback(host: str) -> None:
    with pytest.raises(ConfigError, match="Refusing to listen on .*unauthenticated.*loopback"):
        load_settings(host=host).check_listen_address()


def test_with_credentials_any_address_is_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MicrosoftAppId", "app")
    monkeypatch.setenv("MicrosoftAppPassword", "secret")
    monkeypatch.setenv("MicrosoftAppType", "MultiTenant")
    load_settings(host="0.0.0.0").check_listen_address()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MicrosoftAppId": "app"}, "MicrosoftAppId is set but MicrosoftAppPassword is empty"),
        ({"MicrosoftAppId": "app", "MicrosoftAppPassword": "pw"}, "SingleTenant needs MicrosoftAppTenantId"),
        ({"TIMEZONE": "Europe/Stockholmm"}, "timezone: unknown time zone 'Europe/Stockholmm'"),
        ({"LANGUAGE": "de"}, "language: Input should be 'sv' or 'en'"),
        ({"PORT": "99999"}, "port:"),
    ],
)
def test_configuration_errors_are_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], message: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as raised:
        load_settings()
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_settings_class_is_what_the_app_uses() -> None:
    assert isinstance(load_settings(), Settings)
