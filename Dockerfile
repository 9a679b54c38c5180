# The district plan bot: a small image that serves /api/messages on port 3978.
# Build: docker build -t distriktsboten .
# Run:   docker run -p 3978:3978 -v bot-data:/data --env-file .env distriktsboten
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY schedules ./schedules
# The same install step CI runs (tests/test_deployment.py): a venv with the bot and its postgres extra.
COPY scripts/docker-install ./scripts/docker-install
RUN scripts/docker-install /opt/venv

FROM python:3.11-slim
RUN groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --home-dir /home/bot --create-home bot \
    && mkdir /data && chown bot:bot /data
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATABASE_URL=sqlite:////data/bot.db
# Numeric, so a runtime can check it is not root (Kubernetes runAsNonRoot).
USER 10001:10001
WORKDIR /home/bot
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('PORT', '3978')}/healthz\", timeout=4)"]
# Listening on 0.0.0.0 needs MicrosoftAppId/MicrosoftAppPassword: the bot refuses to serve unauthenticated
# requests off loopback.
CMD ["python", "-m", "bot"]
