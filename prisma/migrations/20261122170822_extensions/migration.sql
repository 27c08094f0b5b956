-- CreateTable
CREATE TABLE "Extension" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Extension_classId_userId_fkey" FOREIGN KEY ("classId", "userId") REFERENCES "Enrollment" ("classId", "userId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Extension_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Extension_classId_userId_idx" ON "Extension"("classId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Extension_assignmentId_userId_key" ON "Extension"("assignmentId", "userId");

