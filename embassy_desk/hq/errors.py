"""What HQ refuses, as coded errors (texts in domain/messages_areas/hq.py and ru-/kk-hq.toml).

``http_status`` is what the HTTP layer (hq/app.py) answers for the error; ``exit_code`` what the
``embassy-desk hq`` commands exit with (README table; 9 = refused by HQ).
"""

from __future__ import annotations

from embassy_desk.domain.errors import EmbassyDeskError


class HQError(EmbassyDeskError):
    """Base of HQ's refusals."""

    exit_code = 2
    http_status = 400
    # A stable machine code for the HTTP error body (wire.ErrorBody.code).
    wire_code = "bad_request"


class HQNotReady(HQError):
    """No HQ folder given, HQ not initialised yet, or its database is behind this version."""

    exit_code = 2
    http_status = 503
    wire_code = "hq_not_ready"


class PostExists(HQError):
    """``hq post add`` with a code that is taken."""

    exit_code = 6
    http_status = 409
    wire_code = "post_exists"


class PostNotFound(HQError):
    """A post code HQ does not know."""

    exit_code = 2
    http_status = 404
    wire_code = "unknown_post"


class DeviceNotFound(HQError):
    """A device id HQ does not know (a request from it is refused with 403; at HQ's command line it
    is a mistyped id: exit 2)."""

    exit_code = 2
    http_status = 403
    wire_code = "unknown_device"


class DeviceRevoked(HQError):
    """A revoked device: every request is refused."""

    exit_code = 9
    http_status = 403
    wire_code = "device_revoked"


class EnrollRefused(HQError):
    """A wrong, expired or used enrollment code, or a device id already enrolled."""

    exit_code = 9
    http_status = 403
    wire_code = "enroll_refused"


class InvalidRequest(HQError):
    """A well-formed body whose content HQ cannot accept (e.g. a key that is no key)."""

    exit_code = 2
    http_status = 422
    wire_code = "invalid"


class BundleOutOfOrder(HQError):
    """A device bundle whose predecessor was not imported yet (a gap), or that does not chain."""

    exit_code = 2
    http_status = 409
    wire_code = "bundle_gap"
