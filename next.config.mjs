/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native/bundler packages must stay external to the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "mdx-bundler", "esbuild"],
  // Lesson MDX and quiz JSON are read at runtime by lib/content; make sure traces include them.
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  // `forbidden()` renders app/forbidden.tsx with a 403 status (instructor pages refuse learners with it).
  experimental: { authInterrupts: true },
};

export default nextConfig;
