#include "surveys/answer_page.h"

namespace tandem::server {

const std::string& answer_page_html() {
    static const std::string page = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Tandem survey</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: #f4f5f7;
       color: #1d2330; line-height: 1.45; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; margin: 0.5rem 0 1rem; }
.note { background: #e8f0fe; border-left: 4px solid #3b6fd8; padding: 0.75rem 1rem; margin-bottom: 1.25rem; }
fieldset { border: 0; background: #fff; border-radius: 8px; padding: 1rem; margin: 0 0 1rem;
           box-shadow: 0 1px 2px rgba(0,0,0,0.08); }
legend { font-weight: 600; padding: 0; margin-bottom: 0.75rem; float: left; width: 100%; }
.scale { clear: both; display: flex; flex-wrap: wrap; gap: 0.4rem; }
.scale label, .choice label { position: relative; display: flex; align-items: center; justify-content: center; min-width: 2.9rem;
       min-height: 2.9rem; border: 2px solid #b8c0cc; border-radius: 8px; background: #fff; cursor: pointer;
       padding: 0 0.5rem; box-sizing: border-box; }
.choice { clear: both; }
.choice label { justify-content: flex-start; margin-bottom: 0.4rem; width: 100%; }
input[type=radio] { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0; cursor: pointer; }
input[type=radio]:checked + span { font-weight: 700; }
label.on { border-color: #3b6fd8; background: #dbe6fb; }
input[type=radio]:focus + span { outline: 3px solid #3b6fd8; outline-offset: 4px; }
.ends { clear: both; display: flex; justify-content: space-between; font-size: 0.85rem; color: #5b6472;
        margin-top: 0.3rem; }
textarea { clear: both; display: block; width: 100%; min-height: 6rem; box-sizing: border-box; font: inherit;
           padding: 0.5rem; border: 2px solid #b8c0cc; border-radius: 8px; }
.count { font-size: 0.85rem; color: #5b6472; text-align: right; }
button { font: inherit; font-weight: 600; min-height: 3rem; padding: 0 1.5rem; border-radius: 8px; border: 0;
         background: #3b6fd8; color: #fff; cursor: pointer; width: 100%; }
button[disabled] { background: #98a6c0; }
.message { padding: 0.75rem 1rem; border-radius: 8px; margin: 1rem 0; background: #fff; }
.message.error { border-left: 4px solid #c0392b; }
.message.done { border-left: 4px solid #2e8b57; }
.skip { font-size: 0.85rem; color: #5b6472; clear: both; margin-top: 0.4rem; }
</style>
</head>
<body>
<main>
<h1 id="title">Survey</h1>
<div id="status" class="message" role="status">Loading the survey…</div>
<form id="form" hidden>
<p class="note" id="anonymity"></p>
<div id="questions"></div>
<div id="send-status" class="message" role="alert" hidden></div>
<button type="submit" id="send">Send my answers</button>
<p class="skip">Every question may be skipped. You can answer once with this link.</p>
</form>
</main>
<script>
(function () {
  var token = (location.hash || '').replace(/^#/, '');
  var api = '/api/v1/answer/' + encodeURIComponent(token);
  var questions = [];
  var statusBox = document.getElementById('status');
  var form = document.getElementById('form');

  function show(box, text, kind) {
    box.hidden = false;
    box.className = 'message' + (kind ? ' ' + kind : '');
    box.textContent = text;
  }

  function request(method, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, api);
    xhr.setRequestHeader('Accept', 'application/json');
    if (body) xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onload = function () {
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) {}
      done(xhr.status, data);
    };
    xhr.onerror = function () { done(0, null); };
    xhr.send(body ? JSON.stringify(body) : null);
  }

  function explain(status, data) {
    var code = data && data.error ? data.error.code : '';
    if (code === 'already_answered') return 'This link has already been used. Thank you for taking part.';
    if (code === 'survey_closed') return 'This survey is not taking answers at the moment.';
    if (code === 'not_found') return 'This link is not known. Check that it was copied whole.';
    if (code === 'rate_limited') return 'Too many tries from this link. Wait a minute and try again.';
    if (code === 'invalid_answer') return 'One answer could not be accepted: ' + data.error.message +
        '. Nothing was recorded; your answers are still here.';
    if (status === 0) return 'No connection. Nothing was sent; your answers are still here. Try again.';
    return 'Something went wrong (' + status + '). Nothing was recorded; try again.';
  }

  var scales = {
    likert5: { from: 1, to: 5, low: 'Strongly disagree', high: 'Strongly agree' },
    agree7: { from: 1, to: 7, low: 'Strongly disagree', high: 'Strongly agree' },
    scale0_10: { from: 0, to: 10, low: 'Not at all likely', high: 'Extremely likely' }
  };

  function option(group, name, value, text) {
    var label = document.createElement('label');
    var input = document.createElement('input');
    input.type = 'radio';
    input.name = name;
    input.value = value;
    input.onchange = function () {
      var all = group.getElementsByTagName('label');
      for (var i = 0; i < all.length; i++) all[i].className = '';
      label.className = 'on';
    };
    var span = document.createElement('span');
    span.textContent = text;
    label.appendChild(input);
    label.appendChild(span);
    group.appendChild(label);
  }

  function render(question, index) {
    var set = document.createElement('fieldset');
    var legend = document.createElement('legend');
    legend.textContent = (index + 1) + '. ' + question.text;
    set.appendChild(legend);
    var name = 'q' + index;
    var scale = scales[question.kind];
    if (scale) {
      var row = document.createElement('div');
      row.className = 'scale';
      for (var v = scale.from; v <= scale.to; v++) option(row, name, String(v), String(v));
      set.appendChild(row);
      var ends = document.createElement('div');
      ends.className = 'ends';
      ends.innerHTML = '<span></span><span></span>';
      ends.firstChild.textContent = scale.from + ' = ' + scale.low;
      ends.lastChild.textContent = scale.to + ' = ' + scale.high;
      set.appendChild(ends);
    } else if (question.kind === 'choice') {
      var list = document.createElement('div');
      list.className = 'choice';
      for (var c = 0; c < (question.choices || []).length; c++) option(list, name, question.choices[c], question.choices[c]);
      set.appendChild(list);
    } else {
      var area = document.createElement('textarea');
      area.name = name;
      area.maxLength = 5000;
      area.setAttribute('aria-label', question.text);
      var count = document.createElement('div');
      count.className = 'count';
      area.oninput = function () { count.textContent = area.value.length + ' / 5000'; };
      set.appendChild(area);
      set.appendChild(count);
    }
    return set;
  }

  function collect() {
    var answers = [];
    for (var i = 0; i < questions.length; i++) {
      var q = questions[i];
      var fields = form.elements['q' + i];
      var value = null;
      if (q.kind === 'text') {
        value = fields.value.replace(/^\s+|\s+$/g, '') ? fields.value : null;
      } else {
        for (var j = 0; j < fields.length; j++) if (fields[j].checked) value = fields[j].value;
        if (value !== null && scales[q.kind]) value = parseInt(value, 10);
      }
      if (value !== null) answers.push({ question_id: q.question_id, value: value });
    }
    return answers;
  }

  if (!token) { show(statusBox, 'This page opens from an answer link. Use the whole link you were sent.', 'error'); return; }

  request('GET', null, function (status, data) {
    if (status !== 200 || !data) { show(statusBox, explain(status, data), 'error'); return; }
    document.getElementById('title').textContent = data.survey.title;
    document.getElementById('anonymity').textContent = data.anonymity;
    questions = data.questions;
    var holder = document.getElementById('questions');
    for (var i = 0; i < questions.length; i++) holder.appendChild(render(questions[i], i));
    statusBox.hidden = true;
    form.hidden = false;
  });

  form.onsubmit = function (event) {
    event.preventDefault();
    var button = document.getElementById('send');
    var sendStatus = document.getElementById('send-status');
    button.disabled = true;
    show(sendStatus, 'Sending…');
    request('POST', { answers: collect() }, function (status, data) {
      button.disabled = false;
      if (status === 201) {
        form.hidden = true;
        show(statusBox, 'Thank you. Your answers are recorded, with nothing that says they are yours.', 'done');
        return;
      }
      show(sendStatus, explain(status, data), 'error');
      if (status === 409) button.disabled = true;
    });
  };
})();
</script>
</body>
</html>
)html";
    return page;
}

} // namespace tandem::server
