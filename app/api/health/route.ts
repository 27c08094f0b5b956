import { NextResponse } from "next/server";
import { databaseIsHealthy } from "@/lib/db/health";
import { onlyMethods } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseIsHealthy();
  return NextResponse.json({ status: ok ? "ok" : "degraded", database: ok ? "ok" : "unreachable" }, { status: ok ? 200 : 503 });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET");
