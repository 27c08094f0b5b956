import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { Announcer } from "./ui/announcer";
import { Providers } from "./ui/providers";
import { SiteHeader } from "./ui/site-header";
import { ThemeScript } from "./ui/theme-script";
import "./globals.css";

const inter = localFont({
  src: "./fonts/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});

export const metadata: Metadata = {
  title: { default: "Nimbus — learn the cloud in 30 days", template: "%s · Nimbus" },
  description:
    "A 30-day interactive cloud-computing course: virtualization, Regions, Availability Zones, scaling, resilience — each day with a live simulation and a quiz.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:shadow dark:focus:bg-slate-900"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <Announcer />
          <main id="main" className="pb-24">
            {children}
          </main>
          <footer className="border-t border-slate-200 py-8 text-center text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400">
            Nimbus — a 30-day journey through the cloud. Simulations run in your browser and replay on our server.
          </footer>
        </Providers>
      </body>
    </html>
  );
}
