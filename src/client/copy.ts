/**
 * Copy buttons: after every element with `data-copy="<what>"` (an account ID, a link) a button
 * that copies its text. In WeChat a citizen cannot open a Douyin or Kuaishou link, but can copy
 * it (or the account ID) into the app. Uses the Clipboard API where the page may, else the old
 * `execCommand('copy')` that WeChat's WebView supports; if both fail, the text is selected so a
 * long press copies it. Without JavaScript there are no buttons and the text is selectable.
 */

let status: HTMLElement | undefined;

/** One polite live region for the whole page: "已复制…". */
function announce(text: string): void {
  if (!status) {
    status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    document.body.append(status);
  }
  status.textContent = text;
}

function execCopy(text: string): boolean {
  const buffer = document.createElement('textarea');
  buffer.value = text;
  buffer.readOnly = true;
  buffer.className = 'copy-buffer';
  document.body.append(buffer);
  buffer.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    buffer.remove();
  }
}

async function copy(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied (some WebViews): fall back below.
    }
  }
  return execCopy(text);
}

function select(node: Element): void {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Adds a copy button after each `[data-copy]` element under `root`. */
export function addCopyButtons(root: ParentNode): void {
  for (const target of root.querySelectorAll<HTMLElement>('[data-copy]')) {
    if (target.nextElementSibling?.classList.contains('copy')) continue;
    const what = target.dataset.copy ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = '复制';
    button.setAttribute('aria-label', `复制${what}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      const text = (target.textContent ?? '').trim();
      const ok = await copy(text);
      if (!ok) select(target);
      button.textContent = ok ? '已复制' : '请长按复制';
      announce(ok ? `已复制${what}：${text}` : `无法自动复制，已选中${what}，请长按复制`);
      clearTimeout(timer);
      timer = setTimeout(() => (button.textContent = '复制'), 2500);
    });
    target.after(button);
  }
}

addCopyButtons(document);
