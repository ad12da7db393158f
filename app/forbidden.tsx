import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="card max-w-xl">
      <h1 className="text-xl font-bold">Not allowed</h1>
      <p className="mt-2 text-slate-600">Your role does not give access to this page. If you need it, ask an admin.</p>
      <Link href="/" className="mt-4 inline-block">Back to search</Link>
    </div>
  );
}
