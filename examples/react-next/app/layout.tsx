// app/layout.tsx: the root layout Next.js requires. The stylesheet is the landing page
// example's (copy examples/landing-page/styles.css into your app).
import type { ReactNode } from 'react';
import './styles.css';

export const metadata = { title: 'Tallyline · Book a demo' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
