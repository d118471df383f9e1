#include "people/invite_page.h"

namespace tandem::server {

const std::string& invite_page_html() {
    static const std::string page = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Tandem invitation</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: #f4f5f7;
       color: #1d2330; line-height: 1.45; }
main { max-width: 28rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; margin: 0.5rem 0 1rem; }
label { display: block; font-weight: 600; margin: 1rem 0 0.3rem; }
input { display: block; width: 100%; box-sizing: border-box; font: inherit; min-height: 3rem; padding: 0 0.75rem;
        border: 2px solid #b8c0cc; border-radius: 8px; }
button, a.open { display: block; box-sizing: border-box; font: inherit; font-weight: 600; min-height: 3rem;
                 padding: 0.75rem 1.5rem; border-radius: 8px; border: 0; background: #3b6fd8; color: #fff;
                 cursor: pointer; width: 100%; margin-top: 1.25rem; text-align: center; text-decoration: none; }
button[disabled] { background: #98a6c0; }
.hint { font-size: 0.9rem; color: #5b6472; }
.message { padding: 0.75rem 1rem; border-radius: 8px; margin: 1rem 0; background: #fff; }
.message.error { border-left: 4px solid #c0392b; }
.message.done { border-left: 4px solid #2e8b57; }
</style>
</head>
<body>
<main>
<h1>Welcome to Tandem</h1>
<form id="form">
<p>Choose the password you will sign in with, together with your work e-mail address.</p>
<label for="password">New password</label>
<input id="password" type="password" autocomplete="new-password" minlength="10" required>
<label for="again">The same password again</label>
<input id="again" type="password" autocomplete="new-password" required>
<p class="hint">At least 10 characters. This link works once.</p>
<div id="status" class="message" role="alert" hidden></div>
<button type="submit" id="send">Set my password</button>
</form>
<div id="done" hidden>
<div class="message done" role="status">Your password is set. Open Tandem and sign in with your work e-mail
address and this password.</div>
<a class="open" href="/">Open Tandem</a>
</div>
</main>
<script>
(function () {
  var token = (location.hash || '').replace(/^#/, '');
  var form = document.getElementById('form');
  var statusBox = document.getElementById('status');
  var send = document.getElementById('send');

  function show(text) {
    statusBox.hidden = false;
    statusBox.className = 'message error';
    statusBox.textContent = text;
  }

  if (!token) show('This link is incomplete: copy the whole link from the message HR sent you.');

  function explain(status, data) {
    var error = data && data.error ? data.error : {};
    if (error.code === 'invalid_invite') return 'This invitation is unknown, used or expired: ask HR for a new one.';
    if (error.code && error.message) return error.message;
    if (status === 0) return 'No connection. Nothing was sent; try again.';
    return 'Something went wrong (' + status + '). Your password was not set; try again.';
  }

  form.onsubmit = function (event) {
    event.preventDefault();
    var password = document.getElementById('password').value;
    if (password !== document.getElementById('again').value) return show('The two passwords differ.');
    send.disabled = true;
    send.textContent = 'Setting your password…';
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/session/accept-invite');
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onload = function () {
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) {}
      if (xhr.status === 200 && data && data.token) {
        // The page signs nobody in: the session the answer opened ends here, and the app makes its own.
        var end = new XMLHttpRequest();
        end.open('DELETE', '/api/v1/session');
        end.setRequestHeader('Authorization', 'Bearer ' + data.token);
        end.send();
        form.hidden = true;
        document.getElementById('done').hidden = false;
        return;
      }
      send.disabled = false;
      send.textContent = 'Set my password';
      show(explain(xhr.status, data));
    };
    xhr.onerror = function () {
      send.disabled = false;
      send.textContent = 'Set my password';
      show(explain(0, null));
    };
    xhr.send(JSON.stringify({invite_token: token, password: password}));
  };
})();
</script>
</body>
</html>
)html";
    return page;
}

} // namespace tandem::server
