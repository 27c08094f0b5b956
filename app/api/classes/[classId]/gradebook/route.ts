import { apiRoute, onlyMethods, parseParam } from "@/lib/api/handler";
import { requireApiInstructor } from "@/lib/auth/guards";
import { gradebookCsv } from "@/lib/services/classes";
import { requestNow } from "@/lib/time/clock";
import { recordIdSchema } from "@/lib/validation/ids";

/** The gradebook as a CSV download (for a spreadsheet or a school's records). */
export const GET = apiRoute<{ classId: string }>(async (_request, params) => {
  const user = await requireApiInstructor();
  const classId = parseParam(params.classId, recordIdSchema, "class");
  const { filename, csv } = await gradebookCsv(user, classId, await requestNow());
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET");
