"""The login form shown instead of an app launched with ``auth=`` until the user logs in:
plain HTML posting to ``login``, no script, so it works before the frontend loads."""

from __future__ import annotations

import html

__all__ = ["FAILED", "login_page", "logout_page"]

FAILED = "Incorrect credentials."
STYLE = (
    "body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;"
    "margin:0;background:#f7f7f8;color:#1f2937}form{background:#fff;padding:28px;"
    "border-radius:12px;box-shadow:0 1px 4px #0002;display:grid;gap:10px;width:min(320px,90vw)}"
    "label{display:grid;gap:4px}input,button{font:inherit;padding:8px 10px;border-radius:8px;"
    "border:1px solid #d1d5db}button{background:#f97316;color:#fff;border:0;cursor:pointer}"
    ".error{color:#b91c1c}@media (prefers-color-scheme:dark){body{background:#111827;"
    "color:#e5e7eb}form{background:#1f2937}input{background:#111827;color:inherit}}"
)


def login_page(title: str, message: str | None, failed: bool = False) -> str:
    """The form, with the app's ``auth_message`` and, after a failed try, the error."""
    notes = f"<p>{html.escape(message)}</p>" if message else ""
    if failed:
        notes += f'<p class="error" role="alert">{FAILED}</p>'
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f"<form method='post' action='login'><h1>Login</h1>{notes}"
        "<label>Username <input name='username' autocomplete='username' required></label>"
        "<label>Password <input name='password' type='password' "
        "autocomplete='current-password' required></label>"
        "<button type='submit'>Login</button></form></body></html>"
    )


def logout_page(title: str) -> str:
    """What ``GET /logout`` shows: a button that posts the logout. A link or an image on
    another site can make a browser GET a URL, so a GET never logs out by itself."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        "<form method='post' action='logout'><h1>Log out?</h1>"
        "<button type='submit'>Log out</button><a href='./'>Back to the app</a></form>"
        "</body></html>"
    )
