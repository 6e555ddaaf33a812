-- AlterEnum
ALTER TYPE "PropertyCategory" ADD VALUE 'domain';
