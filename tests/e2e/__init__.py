"""End-to-end tests: the real bot behind the Microsoft 365 Agents Playground, driven in headless Chromium."""
