// SPDX-License-Identifier: EUPL-1.2
// The HTML pages of the demo organisation Musterstadt: sign-in form, device code,
// sign-out and the small demo services. Plain forms, no scripts, no external assets,
// so a test can submit them with plain HTTP.

const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
}[c]));

export function layout(title, body) {
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f3f5f8;margin:0;color:#1b1f24}
header{background:#0b5cad;color:#fff;padding:14px 24px;font-weight:600}
main{max-width:420px;margin:40px auto;background:#fff;padding:24px 32px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
label{display:block;margin-top:12px}input[type=text],input[type=password]{width:100%;padding:8px;box-sizing:border-box;font-size:16px}
button{margin-top:16px;padding:8px 16px;font-size:15px;background:#0b5cad;color:#fff;border:0;border-radius:4px;cursor:pointer}
button.secondary{background:#e6e9ee;color:#1b1f24}.error{color:#b00020}.hint{color:#555;font-size:14px}
</style>
</head>
<body><header>Stadt Musterstadt · Anmeldung</header><main>${body}</main></body>
</html>`;
}

export function loginPage(uid, { error, username, clientName } = {}) {
  return layout('Anmelden – Musterstadt', `
<h1>Anmelden</h1>
<p class="hint">bei ${esc(clientName || 'Arbeitsplatz')} · Sign in</p>
${error ? `<p class="error">${esc(error)}</p>` : ''}
<form id="login" method="post" action="/interaction/${esc(uid)}/login">
<label>Benutzername / Username <input type="text" name="username" value="${esc(username)}" autofocus autocomplete="username"></label>
<label>Passwort / Password <input type="password" name="password" autocomplete="current-password"></label>
<button type="submit">Anmelden</button>
</form>
<form id="abort" method="post" action="/interaction/${esc(uid)}/abort">
<button class="secondary" type="submit">Abbrechen / Cancel</button>
</form>
<p class="hint">Demo: demo / demo</p>`);
}

export function userCodeInputPage(form, error) {
  return layout('Code eingeben – Musterstadt', `
<h1>Code eingeben</h1>
<p>Geben Sie den Code ein, den Ihr Gerät anzeigt. · Enter the code shown on your device.</p>
${error ? '<p class="error">Der Code ist ungültig. · The code is not valid.</p>' : ''}
${form}
<button type="submit" form="op.deviceInputForm">Weiter / Continue</button>`);
}

export function userCodeConfirmPage(form, userCode) {
  return layout('Gerät bestätigen – Musterstadt', `
<h1>Gerät bestätigen</h1>
<p>Zeigt Ihr Gerät diesen Code? · Does your device show this code?</p>
<p><code style="font-size:2em">${esc(userCode)}</code></p>
${form}
<button type="submit" form="op.deviceConfirmForm">Bestätigen / Confirm</button>`);
}

export function deviceSuccessPage() {
  return layout('Angemeldet – Musterstadt', `
<h1>Angemeldet</h1><p>Sie können diese Seite jetzt schließen. · You can close this page now.</p>`);
}

export function logoutPage(form) {
  return layout('Abmelden – Musterstadt', `
<h1>Abmelden?</h1><p>Möchten Sie sich bei Musterstadt abmelden? · Sign out of Musterstadt?</p>
${form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>')}
<button type="submit" form="op.logoutForm">Abmelden / Sign out</button>`);
}

export function loggedOutPage() {
  return layout('Abgemeldet – Musterstadt', `
<h1>Abgemeldet</h1><p>Sie sind abgemeldet. · You are signed out.</p>`);
}

export function errorPage(out) {
  return layout('Fehler – Musterstadt', `
<h1>Fehler</h1><p class="error">${esc(out.error)}: ${esc(out.error_description)}</p>`);
}

export function demoServicePage(name) {
  return layout(`${name} – Musterstadt`, `
<h1>${esc(name)}</h1>
<p>Dies ist ein Demo-Dienst der Stadt Musterstadt. · This is a demo service of the city of Musterstadt.</p>`);
}
