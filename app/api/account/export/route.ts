import { NextResponse } from "next/server";
import { apiRoute, onlyMethods } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/guards";
import { exportUserData } from "@/lib/db/account";

/** All of the signed-in learner's data as a JSON download. */
export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  const data = { exportedAt: new Date().toISOString(), ...(await exportUserData(user)) };
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="nimbus-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET");
