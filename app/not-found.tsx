import Link from "next/link";

export default function NotFound() {
  return (
    <div className="card max-w-xl">
      <h1 className="text-xl font-bold">Not found</h1>
      <p className="mt-2 text-slate-600">There is nothing at this address. It may have been renamed.</p>
      <Link href="/" className="mt-4 inline-block">Search the catalogue</Link>
    </div>
  );
}
