// Issue 13: the showcase's share link. A button with data-copy="<selector>" copies that field's value
// (the work's address) and says so on the button for two seconds.
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  const field = document.querySelector(button.dataset.copy);
  if (!field) {
    return;
  }
  const done = () => {
    const label = button.textContent;
    button.textContent = button.dataset.copied || label;
    setTimeout(() => { button.textContent = label; }, 2000);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, () => { field.select(); });
  } else {
    field.select();
    // Plain http on a phone: the selected field lets the visitor copy by hand.
    try { if (document.execCommand('copy')) { done(); } } catch (e) { /* selection stays */ }
  }
});
