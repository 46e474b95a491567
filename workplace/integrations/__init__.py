# SPDX-License-Identifier: EUPL-1.2
"""What is waiting for the user (unread mail, the next meeting), from the services' own APIs.

Qt-free. One small provider per service kind turns one API into a plain value
(:mod:`.model`); :class:`~workplace.integrations.runner.Integrations` gets each one its
token through :class:`~workplace.auth.service.AuthService` and runs one check at a
time (blocking: a job); :class:`~workplace.integrations.schedule.Schedule` says when.
"""
