# SPDX-License-Identifier: EUPL-1.2
"""Links the launcher handles: ``mailto:``, ``matrix:``, ``tel:``, meeting links, ``arbeitsplatz://``.

A pure core, no Qt: :func:`~workplace.links.route.route` maps an incoming link and the
trusted effective catalog to one action (open a service at an address, start IT's
mail program or softphone, show a search, ask first, or refuse with a reason).
:mod:`~workplace.links.parse` reads and checks the link itself. The single-instance
channel, the command line and the operating system's registrations only deliver links
to it (``workplace.ui.linkrouting``, ``workplace.system.linkhandler``).
"""
