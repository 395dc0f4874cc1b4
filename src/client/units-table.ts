/**
 * Sorting and filtering of the units table on /compliance/ (browser only, progressive: the table
 * is complete and readable without it). Header cells marked `data-sort` get a sort button and
 * `aria-sort`; the filter controls are revealed and narrow the rows by name, kind and grade.
 */

type SortKind = 'text' | 'number';

const collator = new Intl.Collator('zh-CN');

function cellValue(row: HTMLTableRowElement, column: number): string {
  const cell = row.cells[column];
  return cell?.dataset.value ?? cell?.textContent?.trim() ?? '';
}

/** Makes the units table of a document sortable and filterable. */
export function enhanceUnitsTable(doc: Document): void {
  const table = doc.querySelector<HTMLTableElement>('[data-units-table]');
  const controls = doc.querySelector<HTMLElement>('[data-units-controls]');
  const body = table?.tBodies[0];
  if (!table || !controls || !body) return;
  const rows = [...body.rows];
  const headers = [...table.tHead!.rows[0]!.cells] as HTMLTableCellElement[];

  headers.forEach((th, column) => {
    const kind = th.dataset.sort as SortKind | undefined;
    if (!kind) return;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    th.textContent = '';
    th.append(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const sorted = [...body.rows].sort((a, b) => {
        const [x, y] = [cellValue(a, column), cellValue(b, column)];
        const order = kind === 'number' ? Number(x) - Number(y) : collator.compare(x, y);
        return ascending ? order : -order;
      });
      body.append(...sorted);
    });
  });

  const text = controls.querySelector<HTMLInputElement>('[data-filter-text]')!;
  const kindSelect = controls.querySelector<HTMLSelectElement>('[data-filter-kind]')!;
  const gradeSelect = controls.querySelector<HTMLSelectElement>('[data-filter-grade]')!;
  const count = controls.querySelector<HTMLElement>('[data-units-count]')!;
  const apply = () => {
    const needle = text.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const visible =
        (!needle || (row.dataset.search ?? '').toLowerCase().includes(needle)) &&
        (!kindSelect.value || row.dataset.kind === kindSelect.value) &&
        (!gradeSelect.value || row.dataset.grade === gradeSelect.value);
      row.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = `显示 ${shown} 个单位，共 ${rows.length} 个`;
  };
  text.addEventListener('input', apply);
  kindSelect.addEventListener('change', apply);
  gradeSelect.addEventListener('change', apply);
  controls.hidden = false;
  apply();
}
