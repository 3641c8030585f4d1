"""The public site's Content-Security-Policy, built from its directives so that the one page
that needs a change (the partners' agenda in a frame, the page that previews it) changes one
directive and keeps the others. Sent by espace.middleware.SecurityHeadersMiddleware."""

PUBLIC_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "media-src": "'self'",
    "object-src": "'none'",
    "frame-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def public_policy(**changes):
    """The public policy with some directives changed: public_policy(frame_ancestors="*")."""
    directives = {**PUBLIC_DIRECTIVES, **{name.replace("_", "-"): value for name, value in changes.items()}}
    return "; ".join(f"{name} {value}" for name, value in directives.items())


PUBLIC_CSP = public_policy()


def allows_frames(policy):
    """Whether a policy lets other pages frame this one: X-Frame-Options is sent otherwise."""
    for directive in policy.split(";"):
        name, _, value = directive.strip().partition(" ")
        if name == "frame-ancestors":
            return value.strip() != "'none'"
    return False
