export function Logo({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <defs>
        <linearGradient id="nimbus-logo" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="oklch(0.79 0.11 235)" />
          <stop offset="1" stopColor="oklch(0.47 0.16 255)" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#nimbus-logo)" />
      <path
        d="M10.5 21.5h11.2a4.3 4.3 0 0 0 .5-8.57A6 6 0 0 0 10.6 14.2a3.7 3.7 0 0 0-.1 7.3z"
        fill="white"
        fillOpacity="0.95"
      />
    </svg>
  );
}
