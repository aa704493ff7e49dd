// The browser entry of the preview (what Next's client runtime does for the page):
// hydrates the server-rendered page in #root.
import { hydrateRoot } from 'react-dom/client';
import DemoPage from '../app/demo/page';

hydrateRoot(document.getElementById('root')!, <DemoPage />);
