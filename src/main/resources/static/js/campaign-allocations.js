// Allocation form: keeps the total under the table in step with the numbers typed in.
document.addEventListener('input', function (event) {
  if (!event.target.classList.contains('allocation-input')) {
    return;
  }
  var total = 0;
  document.querySelectorAll('.allocation-input').forEach(function (input) {
    var value = parseInt(input.value, 10);
    if (!isNaN(value)) {
      total += value;
    }
  });
  var output = document.getElementById('allocation-total');
  if (output) {
    output.textContent = String(total);
  }
});
