import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { onlyMethods } from "@/lib/api/handler";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE, OPTIONS } = onlyMethods("GET", "POST");
