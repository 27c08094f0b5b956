import Link from "next/link";
import { Logo } from "./logo";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200/80 bg-white/85 backdrop-blur dark:border-slate-800 dark:bg-slate-950/85">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 rounded-lg font-semibold tracking-tight">
          <Logo />
          <span className="sr-only text-lg sm:not-sr-only">Nimbus</span>
        </Link>
        <div className="hidden lg:block">
          <NavLinks />
        </div>
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <ThemeToggle />
          <UserMenu />
        </div>
      </div>
      {/* Below 1024 px the links get a row of their own: with the user menu beside them, five do not fit. */}
      <div className="border-t border-slate-200/80 px-3 py-1.5 lg:hidden dark:border-slate-800">
        <NavLinks />
      </div>
    </header>
  );
}
