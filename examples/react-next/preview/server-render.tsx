// The server entry of the preview (what Next does when it pre-renders the page):
// the page's HTML, with the same component the browser hydrates.
import { renderToString } from 'react-dom/server';
import DemoPage from '../app/demo/page';

export function renderPage(): string {
  return renderToString(<DemoPage />);
}
